/**
 * On-screen number pad for the pickup code and the steward PIN: glove-sized keys in the phone
 * layout (1 2 3 on top), backspace and a submit key. The digits typed so far show in boxes
 * above it (as dots when masked).
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeKey } from '../app/locker-flow';
import { playSound } from '../app/sounds';
import { Icon } from './icons';

const DIGIT_ROWS = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']] as const;

export interface KeypadProps {
  readonly digits: string;
  readonly length: number;
  /** Keys refused (lockout, request in flight). */
  readonly disabled: boolean;
  readonly canSubmit: boolean;
  readonly onKey: (key: CodeKey) => void;
  readonly onSubmit: () => void;
  /** A PIN: boxes show dots and the typed value is not exposed in the markup. */
  readonly masked?: boolean;
  /** Test id of the submit key; `keypad-submit` unless given. */
  readonly submitTestId?: string;
  /** Accessible name of the boxes; the pickup-code wording unless given. */
  readonly digitsLabel?: string;
  /** Text of the submit key; "Open" unless given. */
  readonly submitLabel?: string;
}

export function Keypad({
  digits,
  length,
  disabled,
  canSubmit,
  onKey,
  onSubmit,
  masked = false,
  submitTestId = 'keypad-submit',
  digitsLabel,
  submitLabel,
}: KeypadProps): ReactElement {
  const { t } = useTranslation();
  const press = (key: CodeKey): void => {
    playSound('tap');
    onKey(key);
  };
  const digitKey = (d: CodeKey): ReactElement => (
    <button key={d} type="button" className="keypad-key" data-testid={`keypad-${d}`} disabled={disabled} onClick={() => press(d)}>
      {d}
    </button>
  );
  return (
    <div className="keypad">
      <div
        className="code-boxes"
        data-testid="code-digits"
        data-value={masked ? undefined : digits}
        data-length={digits.length}
        aria-label={digitsLabel ?? t('locker.codeDigits')}
        role="status"
        // One row of boxes whatever the length: a second row pushes the keys under the screen's bottom bar.
        style={{ gridTemplateColumns: `repeat(${length}, minmax(0, 1fr))` }}
      >
        {Array.from({ length }, (_, i) => (
          <span key={i} className={i < digits.length ? 'code-box is-filled' : 'code-box'}>
            {i < digits.length ? (masked ? '•' : digits[i]) : ''}
          </span>
        ))}
      </div>
      <div className="keypad-grid">
        {DIGIT_ROWS.flat().map(digitKey)}
        <button
          type="button"
          className="keypad-key is-back"
          data-testid="keypad-back"
          aria-label={t('locker.keyBack')}
          disabled={disabled || digits === ''}
          onClick={() => press('back')}
        >
          <Icon name="backspace" />
        </button>
        {digitKey('0')}
        <button
          type="button"
          className="keypad-key is-submit"
          data-testid={submitTestId}
          disabled={disabled || !canSubmit}
          onClick={onSubmit}
        >
          {submitLabel ?? t('locker.keySubmit')}
        </button>
      </div>
    </div>
  );
}
