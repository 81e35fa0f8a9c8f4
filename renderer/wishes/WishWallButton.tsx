/** "Wish wall" beside the welcome's other offers: opens the wall (its code loads then). */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { afterPaint } from '../app/after-paint';
import { playSound } from '../app/sounds';
import { Icon } from '../components/icons';

export function WishWallButton({ onOpen }: { readonly onOpen: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="big-button wish-wall-button"
      data-testid="wish-wall-button"
      onClick={() => {
        // After the frame: the first tone builds an AudioContext, which must not hold up the wall.
        afterPaint(() => playSound('tap'));
        onOpen();
      }}
    >
      <Icon name="star" />
      <span className="button-text">
        <span className="button-title">{t('wishes.open')}</span>
        <span className="button-hint">{t('wishes.openHint')}</span>
      </span>
    </button>
  );
}
