/**
 * A guest collects a phone: type the 6-digit pickup code on big keys. A wrong code says how
 * many tries are left; after too many, a countdown until the keypad works again.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PICKUP_CODE_LENGTH, type CodeKey, type CodeProblem } from '../app/locker-flow';
import { actionPending, useAction } from '../app/use-action';
import { ActionError } from '../components/ActionError';
import { BackButton } from '../components/BackButton';
import { Icon } from '../components/icons';
import { Keypad } from '../components/Keypad';

export interface CodeEntryScreenProps {
  readonly digits: string;
  readonly problem: CodeProblem | null;
  readonly onKey: (key: CodeKey) => void;
  /** Sends the code; the screen changes with the answer. */
  readonly onSubmit: (code: string) => Promise<boolean>;
  readonly onBack: () => void;
}

export function CodeEntryScreen({ digits, problem, onKey, onSubmit, onBack }: CodeEntryScreenProps): ReactElement {
  const { t } = useTranslation();
  const lockedSeconds = useSecondsUntil(problem?.kind === 'locked-out' ? problem.untilMs : null);
  const [submit, submitState] = useAction(() => onSubmit(digits));
  return (
    <section className="screen screen-code-entry" data-testid="screen-code-entry">
      <header className="screen-heading">
        <h1>{t('locker.entryTitle')}</h1>
        <p>{t('locker.entryHint')}</p>
      </header>
      <div className="code-entry-body">
        <Keypad
          digits={digits}
          length={PICKUP_CODE_LENGTH}
          disabled={lockedSeconds > 0 || actionPending(submitState)}
          canSubmit={digits.length === PICKUP_CODE_LENGTH}
          onKey={onKey}
          onSubmit={submit}
        />
        <div className="code-entry-side">
          {problem?.kind === 'wrong-code' && (
            <p className="code-problem" data-testid="wrong-code" data-attempts-left={problem.attemptsLeft} role="alert">
              <Icon name="alert" className="inline-icon" /> {t('locker.wrongCode', { count: problem.attemptsLeft })}
            </p>
          )}
          {lockedSeconds > 0 && (
            <p className="code-problem" data-testid="locked-out" data-seconds={lockedSeconds} role="alert">
              <Icon name="clock" className="inline-icon" /> {t('locker.lockedOut', { time: formatCountdown(lockedSeconds) })}
            </p>
          )}
          <ActionError state={submitState} />
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
