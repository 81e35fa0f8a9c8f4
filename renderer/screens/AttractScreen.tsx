/**
 * The idle screen: tap your card, with an arrow to where the reader is (a sign, not a button:
 * touching it only says the instruction aloud), or "No card", "Collect my phone" with a pickup
 * code, plus what the station offers and a small "Steward" button for the console.
 */
import { useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationInfo } from '../../common/domain';
import { localized, toLocale } from '../i18n/i18n';
import { Icon } from '../components/icons';
import { OfferList } from '../components/OfferList';
import { AttractNotices } from '../notices/AttractNotices';
import { playSound } from '../app/sounds';
import { useMotionBursts } from '../app/use-motion-bursts';
import type { WishNote } from '../../common/wishes';
import { WishRotation } from '../wishes/WishRotation';

export interface AttractScreenProps {
  readonly info: StationInfo;
  readonly onNoCard: () => void;
  /** "Collect my phone" with a pickup code; null where the station has no lockers. */
  readonly onCollect: (() => void) | null;
  /**
   * The small "Steward" button to the console; null hides it. A station without lockers has it
   * too: supplies, inspections, notices and usage need the console as much.
   */
  readonly onSteward: (() => void) | null;
  /** A touch on the tap prompt: says it aloud, for workers who read little. */
  readonly onPromptTouch: () => void;
  /** Newest approved and pinned wall notes, rotating; a touch opens the wall to read. Default none. */
  readonly wishNotes?: readonly WishNote[];
  /** Opens the wish wall to read; without it (or without notes), no rotation is shown. */
  readonly onOpenWishes?: () => void;
}

export function AttractScreen({ info, onNoCard, onCollect, onSteward, onPromptTouch, wishNotes = [], onOpenWishes }: AttractScreenProps): ReactElement {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.resolvedLanguage);
  const opening = localized(info.openingInfo, locale);
  const prompt = useRef<HTMLDivElement>(null);
  useMotionBursts(prompt);
  return (
    <section className="screen screen-attract" data-testid="screen-attract">
      <div className="attract-main">
        <div
          ref={prompt}
          className={`tap-prompt reader-${info.readerPosition}`}
          data-testid="tap-prompt"
          data-reader={info.readerPosition}
          aria-live="polite"
          onPointerDown={onPromptTouch}
        >
          <div className="tap-visual" aria-hidden="true">
            <Icon name="card" className="tap-card" />
            <Icon name="contactless" className="tap-waves" />
          </div>
          <div className="tap-text">
            <h1 className="tap-title">{t('attract.tapCard')}</h1>
            <p className="tap-hint">{t(`attract.readerAt.${info.readerPosition}`)}</p>
          </div>
          <div className="reader-arrow" aria-hidden="true" data-testid="reader-arrow">
            <Icon name="arrow-down" />
          </div>
        </div>
        <button
          type="button"
          className="big-button no-card-button"
          data-testid="no-card-button"
          onClick={() => {
            playSound('tap');
            onNoCard();
          }}
        >
          <Icon name="person" />
          <span className="button-text">
            <span className="button-title">{t('attract.noCard')}</span>
            <span className="button-hint">{t('attract.noCardHint')}</span>
          </span>
        </button>
        {onCollect && (
          <button
            type="button"
            className="big-button no-card-button collect-button"
            data-testid="collect-button"
            onClick={() => {
              playSound('tap');
              onCollect();
            }}
          >
            <Icon name="locker" />
            <span className="button-text">
              <span className="button-title">{t('locker.collect')}</span>
              <span className="button-hint">{t('locker.collectHint')}</span>
            </span>
          </button>
        )}
        {onOpenWishes && wishNotes.length > 0 && <WishRotation notes={wishNotes} onOpen={onOpenWishes} />}
      </div>
      <aside className="attract-side">
        {opening && (
          <p className="opening-info">
            <Icon name="clock" />
            <span>{opening}</span>
          </p>
        )}
        <AttractNotices />
        <OfferList offers={info.todayOffers} />
        {onSteward && (
          <button
            type="button"
            className="steward-button"
            data-testid="steward-button"
            onClick={() => {
              playSound('tap');
              onSteward();
            }}
          >
            {t('steward.button')}
          </button>
        )}
      </aside>
    </section>
  );
}
