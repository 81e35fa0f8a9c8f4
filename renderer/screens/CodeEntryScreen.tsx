/**
 * A guest collects a phone: first the locker number, then its 6-digit pickup code, on big
 * keys. A wrong code says how many tries are left for that locker; after too many, a
 * countdown until that locker's code is taken again (other lockers are not affected). While
 * the door is still open, "Lost your code?" shows it again.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isLockerNumberText, LOCKER_NUMBER_LENGTH, PICKUP_CODE_LENGTH, type CodeKey, type CodeProblem } from '../app/locker-flow';
import { actionPending, useAction } from '../app/use-action';
import { ActionError } from '../components/ActionError';
import { BackButton } from '../components/BackButton';
import { Icon } from '../components/icons';
import { Keypad } from '../components/Keypad';

export interface CodeEntryScreenProps {
  readonly step: 'locker' | 'code';
  /** The locker number of the second step. */
  readonly lockerNumber: number | null;
  readonly digits: string;
  readonly problem: CodeProblem | null;
  readonly onKey: (key: CodeKey) => void;
  /** "Next" after the locker number. */
  readonly onNext: () => void;
  /** Back from the code to the locker number. */
  readonly onChangeLocker: () => void;
  /** Sends the code for the locker; the screen changes with the answer. */
  readonly onSubmit: (lockerNumber: number, code: string) => Promise<boolean>;
  /** "Lost your code?" for the locker; the screen changes with the answer. */
  readonly onLostCode: (lockerNumber: number) => Promise<boolean>;
  readonly onBack: () => void;
}

export function CodeEntryScreen(props: CodeEntryScreenProps): ReactElement {
  const { step, lockerNumber, digits, problem, onKey, onNext, onChangeLocker, onSubmit, onLostCode, onBack } = props;
  const { t } = useTranslation();
  const lockedSeconds = useSecondsUntil(problem?.kind === 'locked-out' ? problem.untilMs : null);
  const [submit, submitState] = useAction(() => onSubmit(lockerNumber ?? 0, digits));
  const [lost, lostState] = useAction(() => onLostCode(lockerNumber ?? 0));
  const onCode = step === 'code' && lockerNumber !== null;
  return (
    <section className="screen screen-code-entry" data-testid="screen-code-entry" data-step={step}>
      <header className="screen-heading">
        <h1>{onCode ? t('locker.entryTitle') : t('locker.entryLockerTitle')}</h1>
        <p data-testid="code-entry-hint">{onCode ? t('locker.entryHint', { number: lockerNumber }) : t('locker.entryLockerHint')}</p>
      </header>
      <div className="code-entry-body">
        <Keypad
          key={step}
          digits={digits}
          length={onCode ? PICKUP_CODE_LENGTH : LOCKER_NUMBER_LENGTH}
          disabled={lockedSeconds > 0 || actionPending(submitState) || actionPending(lostState)}
          canSubmit={onCode ? digits.length === PICKUP_CODE_LENGTH : isLockerNumberText(digits)}
          onKey={onKey}
          onSubmit={onCode ? submit : onNext}
          submitTestId={onCode ? 'keypad-submit' : 'keypad-next'}
          submitLabel={onCode ? undefined : t('locker.keyNext')}
          digitsLabel={onCode ? undefined : t('locker.lockerNumberDigits')}
        />
        <div className="code-entry-side">
          {onCode && (
            <div className="code-entry-locker">
              <button type="button" className="big-button" data-testid="change-locker" onClick={onChangeLocker}>
                <Icon name="locker" />
                <span>{t('locker.changeLocker')}</span>
              </button>
              <button type="button" className="big-button" data-testid="lost-code" disabled={actionPending(lostState)} onClick={lost}>
                <Icon name="alert" />
                <span>{t('locker.lostCode')}</span>
              </button>
            </div>
          )}
          {problem?.kind === 'wrong-code' && (
            <p className="code-problem" data-testid="wrong-code" data-attempts-left={problem.attemptsLeft} role="alert">
              <Icon name="alert" className="inline-icon" /> {t('locker.wrongCode', { count: problem.attemptsLeft })}
            </p>
          )}
          {lockedSeconds > 0 && (
            <p className="code-problem" data-testid="locked-out" data-seconds={lockedSeconds} data-locker={lockerNumber ?? undefined} role="alert">
              <Icon name="clock" className="inline-icon" /> {t('locker.lockedOut', { number: lockerNumber ?? '', time: formatCountdown(lockedSeconds) })}
            </p>
          )}
          {problem?.kind === 'not-open' && (
            <p className="code-problem" data-testid="code-not-open" role="alert">
              <Icon name="alert" className="inline-icon" /> {t('locker.notOpen')}
            </p>
          )}
          <ActionError state={submitState} />
          <ActionError state={lostState} />
        </div>
      </div>
      <div className="screen-actions">
        <BackButton onBack={onBack} />
      </div>
    </section>
  );
}

/** 90 → "1:30": a lockout of minutes reads better as a clock than as seconds. */
export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Whole seconds left until `untilMs` (0 when none or past), ticking while any are left. */
function useSecondsUntil(untilMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  const left = untilMs === null ? 0 : Math.max(0, Math.ceil((untilMs - now) / 1000));
  useEffect(() => {
    if (untilMs === null) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= untilMs) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [untilMs]);
  return left;
}
