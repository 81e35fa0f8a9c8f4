/**
 * What a steward can do to the locker tapped on the grid: pick an action, then one of a few
 * preset reasons (the reason is what performs the call, so no action goes unexplained in the
 * audit log), then the answer.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { stewardActionsFor, type StewardAction, type StewardStep } from '../locker-panel';
import type { LockerView } from '../../../common/lockers';
import { playSound } from '../../app/sounds';
import { Icon } from '../../components/icons';

const ACTION_KEYS = {
  'remote-open': 'steward.action.remoteOpen',
  'mark-faulty': 'steward.action.markFaulty',
  'mark-repaired': 'steward.action.markRepaired',
  'end-session': 'steward.action.endSession',
  'clear-lockout': 'steward.action.clearLockout',
} as const satisfies Record<StewardAction, string>;

/** Preset reasons per action, in the order shown (`steward-reason-0`, `-1`, …). */
export const STEWARD_REASON_KEYS = {
  'remote-open': ['steward.reason.remoteOpen.lostCode', 'steward.reason.remoteOpen.noCard', 'steward.reason.remoteOpen.inspect'],
  'mark-faulty': ['steward.reason.markFaulty.noOpen', 'steward.reason.markFaulty.noCharge', 'steward.reason.markFaulty.damaged'],
  'mark-repaired': ['steward.reason.markRepaired.fixed', 'steward.reason.markRepaired.tested', 'steward.reason.markRepaired.falseAlarm'],
  'end-session': ['steward.reason.endSession.collected', 'steward.reason.endSession.overdue', 'steward.reason.endSession.empty'],
  'clear-lockout': ['steward.reason.clearLockout.verified', 'steward.reason.clearLockout.mistyped', 'steward.reason.clearLockout.checked'],
} as const satisfies Record<StewardAction, readonly string[]>;

export interface StewardActionSheetProps {
  /** Any step but `grid`. */
  readonly step: Exclude<StewardStep, { kind: 'grid' }>;
  /** The locker the sheet is for, as last listed: which actions it offers. */
  readonly locker: LockerView | null;
  readonly onChoose: (action: StewardAction) => void;
  /** The reason as the steward read it; sends the action. */
  readonly onReason: (reason: string) => void;
}

/**
 * One step back in the sheet. It sits in the screen's bottom bar beside Exit, never in the
 * sheet: a tall sheet then cannot push it under (or onto) Exit.
 */
export function StewardBackButton({ step, onBack }: {
  readonly step: Exclude<StewardStep, { kind: 'grid' }>;
  readonly onBack: () => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="big-button done-button steward-back"
      data-testid="steward-back"
      disabled={step.kind === 'sending'}
      onClick={() => {
        playSound('tap');
        onBack();
      }}
    >
      <Icon name="back" />
      <span>{t('steward.back')}</span>
    </button>
  );
}

export function StewardActionSheet({ step, locker, onChoose, onReason }: StewardActionSheetProps): ReactElement {
  const { t } = useTranslation();
  const actions = locker ? stewardActionsFor(locker) : [];
  const tap = (then: () => void) => () => {
    playSound('tap');
    then();
  };
  return (
    <aside className="steward-sheet" data-testid="steward-sheet" data-locker={step.lockerNumber}>
      <h2>{t('steward.lockerTitle', { number: step.lockerNumber })}</h2>
      {step.kind === 'actions' && actions.length === 0 && (
        <p className="steward-sheet-status" data-testid="steward-no-actions">
          {t(locker?.state === 'offline' ? 'steward.noActionsOffline' : 'steward.noActions')}
        </p>
      )}
      {step.kind === 'actions' && actions.length > 0 && (
        <div className="steward-sheet-buttons">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className="big-button steward-sheet-button"
              data-testid={`steward-action-${action}`}
              onClick={tap(() => onChoose(action))}
            >
              {t(ACTION_KEYS[action])}
            </button>
          ))}
        </div>
      )}
      {(step.kind === 'reason' || step.kind === 'sending') && (
        <>
          <p className="steward-sheet-title">
            {t(ACTION_KEYS[step.action])} — {t('steward.reasonTitle')}
          </p>
          <div className="steward-sheet-buttons">
            {STEWARD_REASON_KEYS[step.action].map((key, i) => (
              <button
                key={key}
                type="button"
                className="big-button steward-sheet-button"
                data-testid={`steward-reason-${i}`}
                disabled={step.kind === 'sending'}
                onClick={tap(() => onReason(t(key)))}
              >
                {t(key)}
              </button>
            ))}
          </div>
          {step.kind === 'sending' && (
            <p className="steward-sheet-status" data-testid="steward-action-sending" role="status">
              {t('steward.sending')}
            </p>
          )}
        </>
      )}
      {step.kind === 'result' && (
        <p
          className={step.ok ? 'steward-sheet-status is-done' : 'steward-sheet-status is-failed'}
          data-testid={step.ok ? 'steward-action-done' : 'steward-action-failed'}
          data-action={step.action}
          role="alert"
        >
          <Icon name={step.ok ? 'check' : 'alert'} className="inline-icon" />{' '}
          {t(ACTION_KEYS[step.action])}: {step.ok ? t('steward.done') : t('steward.failed')}
        </p>
      )}
    </aside>
  );
}
