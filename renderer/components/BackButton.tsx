/** One step back, to the screen this one was opened from: an arrow, never the house of "Done". */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { playSound } from '../app/sounds';
import { Icon } from './icons';

export function BackButton({ onBack }: { readonly onBack: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="big-button done-button back-button"
      data-testid="back-button"
      onClick={() => {
        playSound('tap');
        onBack();
      }}
    >
      <Icon name="back" />
      <span>{t('common.back')}</span>
    </button>
  );
}
