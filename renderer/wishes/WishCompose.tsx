/**
 * Writing a note: a category, the touch composer (pinyin, English, handwriting; its own live
 * counter), quick phrases and stickers for one-tap notes, and Post. The service decides; its answer (posted, held, refused,
 * limited) comes back through `onPost`.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { countCharacters } from '../../common/wish-text';
import type { WishCategory, WishSticker } from '../../common/wishes';
import { playSound } from '../app/sounds';
import { TextComposer } from './input/TextComposer';
import type { HandwritingClient } from './input/use-handwriting';
import { STICKER_GLYPHS, STICKERS } from './stickers';

// Listed here rather than read from the contract's schemas, so the wall's chunk shares no
// runtime module with the first screen's (a shared chunk would split and grow the initial JS).
const CATEGORIES: readonly WishCategory[] = ['wish', 'thanks', 'suggestion', 'help'];

/** Quick phrases, by i18n key: tapping one appends it in the current language. */
const PHRASES = ['thanksStation', 'hopeMore', 'sunSleeves', 'hotWater', 'raincoatRack', 'chargingCables'] as const;

export interface WishDraft {
  readonly category: WishCategory;
  readonly text: string;
  readonly sticker: WishSticker | null;
}

export interface WishComposeProps {
  readonly maxLength: number;
  /** Resolves when the service has answered; the message to show comes from the caller. */
  readonly onPost: (draft: WishDraft) => Promise<void>;
  readonly onCancel: () => void;
  /** A refusal or failure to show above the Post button, already translated. */
  readonly problem: string | null;
  /** The station's handwriting methods, for the composer's handwriting key. */
  readonly handwriting: HandwritingClient;
}

export function WishCompose({ maxLength, onPost, onCancel, problem, handwriting }: WishComposeProps): ReactElement {
  const { t } = useTranslation();
  const [category, setCategory] = useState<WishCategory>('wish');
  const [text, setText] = useState('');
  const [sticker, setSticker] = useState<WishSticker | null>(null);
  const [posting, setPosting] = useState(false);
  // The composer caps the text as the service counts it (grapheme clusters), so this only
  // guards a maximum changed while the screen was open.
  const tooLong = countCharacters(text) > maxLength;
  const canPost = !posting && !tooLong && (text.trim() !== '' || sticker !== null);

  /** Appends a quick phrase where it still fits under the composer's cap, like a typed one. */
  const addPhrase = (phrase: string) => {
    if (countCharacters(text + phrase) > maxLength) {
      playSound('failure');
      return;
    }
    playSound('tap');
    setText(`${text}${phrase}`);
  };

  return (
    <section className="wish-compose" data-testid="wish-compose">
      <h2 className="wish-compose-title">{t('wishes.compose.title')}</h2>
      <div className="wish-categories" role="radiogroup" aria-label={t('wishes.compose.chooseCategory')}>
        {CATEGORIES.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={category === c}
            className={`wish-category-choice wish-${c}`}
            data-testid={`wish-category-${c}`}
            onClick={() => setCategory(c)}
          >
            {t(`wishes.category.${c}`)}
          </button>
        ))}
      </div>
      <TextComposer value={text} onChange={setText} maxLength={maxLength} placeholder={t('wishes.compose.placeholder')} handwriting={handwriting} autoFocus />
      <div className="wish-phrases" aria-label={t('wishes.compose.phrases')}>
        {PHRASES.map((key) => (
          <button key={key} type="button" className="wish-phrase" data-testid={`wish-phrase-${key}`} onClick={() => addPhrase(t(`wishes.phrase.${key}`))}>
            {t(`wishes.phrase.${key}`)}
          </button>
        ))}
      </div>
      <div className="wish-stickers" role="radiogroup" aria-label={t('wishes.compose.stickers')}>
        {STICKERS.map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={sticker === s}
            aria-label={t(`wishes.sticker.${s}`)}
            className="wish-sticker-choice"
            data-testid={`wish-sticker-${s}`}
            onClick={() => setSticker((current) => (current === s ? null : s))}
          >
            {STICKER_GLYPHS[s]}
          </button>
        ))}
      </div>
      <p className="wish-anonymous-note">{t('wishes.compose.anonymousNote')}</p>
      {problem && (
        <p className="wish-problem" role="alert" data-testid="wish-problem">
          {problem}
        </p>
      )}
      <div className="wish-compose-actions">
        <button type="button" className="big-button" data-testid="wish-cancel" onClick={onCancel}>
          {t('wishes.compose.cancel')}
        </button>
        <button
          type="button"
          className="big-button is-primary"
          data-testid="wish-post"
          disabled={!canPost}
          onClick={() => {
            setPosting(true);
            void onPost({ category, text, sticker }).finally(() => setPosting(false));
          }}
        >
          {posting ? t('wishes.compose.posting') : t('wishes.compose.post')}
        </button>
      </div>
    </section>
  );
}
