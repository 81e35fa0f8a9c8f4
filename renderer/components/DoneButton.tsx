/** The way back to the start screen from any flow (the idle timeout does the same later). */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { playSound } from '../app/sounds';
import { Icon } from './icons';

export function DoneButton({ onDone }: { readonly onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="big-button done-button"
      data-testid="done-button"
      onClick={() => {
        playSound('tap');
        onDone();
      }}
    >
      <Icon name="home" />
      <span>{t('common.done')}</span>
    </button>
  );
}
