/** Why a locker flow stopped, in plain words, with the way back. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerProblem } from '../app/locker-flow';
import { DoneButton } from '../components/DoneButton';
import { Icon } from '../components/icons';

export interface LockerMessageScreenProps {
  readonly problem: LockerProblem;
  readonly lockerNumber: number | null;
  readonly onDone: () => void;
}

/** Test ids that name the problem, for end-to-end checks. */
const TEST_IDS: Record<LockerProblem, string> = {
  unavailable: 'locker-unavailable',
  'lock-failed': 'locker-lock-failed',
  'no-locker': 'locker-no-locker',
  'tap-again': 'locker-tap-again',
  failed: 'locker-failed',
};

/** Title and body of each message. */
const MESSAGES = {
  unavailable: ['locker.unavailableTitle', 'locker.unavailableBody'],
  'lock-failed': ['locker.lockFailedTitle', 'locker.lockFailedBody'],
  'no-locker': ['locker.noLockerTitle', 'locker.noLockerBody'],
  'tap-again': ['locker.tapAgainTitle', 'locker.tapAgainBody'],
  failed: ['locker.failedTitle', 'locker.failedBody'],
} as const satisfies Record<LockerProblem, readonly [string, string]>;

export function LockerMessageScreen({ problem, lockerNumber, onDone }: LockerMessageScreenProps): ReactElement {
  const { t } = useTranslation();
  const [title, body] = MESSAGES[problem];
  return (
    <section className="screen screen-message screen-locker-message" data-testid="screen-locker-message" role="alert">
      <Icon name={problem === 'no-locker' ? 'locker' : 'alert'} className="message-icon is-warning" />
      <h1 className="message-title" data-testid={TEST_IDS[problem]} data-locker={lockerNumber ?? undefined}>
        {t(title, { number: lockerNumber ?? '' })}
      </h1>
      <p className="message-body">{t(body)}</p>
      <div className="screen-actions">
        <DoneButton onDone={onDone} />
      </div>
    </section>
  );
}
