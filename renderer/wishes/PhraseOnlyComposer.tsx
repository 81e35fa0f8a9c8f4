/**
 * The note's text box for stations without the touch keyboard: it shows what the quick
 * phrases built, never focuses a real input (so the operating system's keyboard never
 * appears), and has a Clear key. Same props as the keyboard composer, so either can sit in
 * the compose screen.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export interface ComposerProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly maxLength: number;
  readonly placeholder?: string;
  readonly autoFocus?: boolean;
}

export function PhraseOnlyComposer({ value, onChange, placeholder }: ComposerProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="wish-phrase-composer">
      <div className="wish-draft" role="textbox" aria-readonly="true" aria-multiline="true" dir="auto" data-testid="wish-draft">
        {value === '' ? <span className="wish-draft-placeholder">{placeholder}</span> : value}
      </div>
      <button type="button" className="wish-small-button" data-testid="wish-clear" disabled={value === ''} onClick={() => onChange('')}>
        {t('wishes.compose.clear')}
      </button>
    </div>
  );
}
