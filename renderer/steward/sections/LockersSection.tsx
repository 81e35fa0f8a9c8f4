/**
 * The console's locker section: every locker on a grid that refreshes itself, per locker an
 * action with a preset reason, and the emergency "open all" behind two confirmations.
 * Service calls are made from taps (and the refresh timer), never twice for one tap.
 */
import { useCallback, useEffect, useReducer, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerView } from '../../../common/lockers';
import type { Result } from '../../../common/result';
import { playSound } from '../../app/sounds';
import type { ConsoleSectionProps } from '../console-sections';
import { initialLockerPanel, lockerPanelReducer, STEWARD_REFRESH_MS } from '../locker-panel';
import { StewardActionSheet, StewardBackButton } from '../components/StewardActionSheet';
import { StewardLockerTile } from '../components/StewardLockerTile';
import { OpenAllButton } from '../components/OpenAllButton';

export function LockersSection({ session, client, checked }: ConsoleSectionProps): ReactElement {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(lockerPanelReducer, initialLockerPanel);
  const inFlight = useRef(false);

  const fetchLockers = useCallback(
    (): Promise<void> =>
      client
        .listLockers({ session })
        .catch((): Result<LockerView[]> => ({ ok: false, code: 'unavailable', message: 'listLockers threw' }))
        .then((result) => {
          const answer = checked(result);
          dispatch(answer.ok ? { type: 'lockers-loaded', lockers: answer.value } : { type: 'lockers-failed' });
        }),
    [client, session, checked],
  );

  useEffect(() => {
    void fetchLockers();
    const timer = setInterval(() => void fetchLockers(), STEWARD_REFRESH_MS);
    return () => clearInterval(timer);
  }, [fetchLockers]);

  const { step, lockers } = state;
  if (lockers === null) return <div className="console-loading" data-testid="console-lockers-loading" />;
  // Durations on the tiles count to now; the grid is drawn again with every refresh.
  const drawnAtMs = Date.now();
  const selected = step.kind === 'grid' ? null : step.lockerNumber;
  const sendReason = (reason: string): void => {
    if (inFlight.current || step.kind !== 'reason') return;
    inFlight.current = true;
    const { lockerNumber, action } = step;
    dispatch({ type: 'send' });
    void client
      .stewardLockerAction({ session, lockerNumber, action, reason })
      .then((result) => checked(result).ok, () => false)
      .then((ok) => {
        inFlight.current = false;
        playSound(ok ? 'success' : 'failure');
        dispatch({ type: 'action-done', ok });
        // Show what the action did without waiting for the next tick.
        void fetchLockers();
      });
  };
  return (
    <div className="console-lockers" data-testid="screen-steward-lockers">
      <p className="console-hint">{t('steward.lockersHint')}</p>
      {state.refreshFailed && (
        <p className="code-problem" data-testid="steward-refresh-failed" role="status">
          {t('steward.refreshFailed')}
        </p>
      )}
      <div className="steward-body">
        <div className="steward-grid" data-testid="steward-grid">
          {lockers.length === 0 && <p className="steward-empty">{t('steward.noLockers')}</p>}
          {lockers.map((locker) => (
            <StewardLockerTile
              key={locker.lockerNumber}
              locker={locker}
              selected={locker.lockerNumber === selected}
              nowMs={drawnAtMs}
              onSelect={(lockerNumber) => dispatch({ type: 'select', lockerNumber })}
            />
          ))}
        </div>
        {step.kind !== 'grid' && (
          <StewardActionSheet
            step={step}
            locker={lockers.find((l) => l.lockerNumber === step.lockerNumber) ?? null}
            onChoose={(action) => dispatch({ type: 'choose', action })}
            onReason={sendReason}
          />
        )}
      </div>
      <div className="screen-actions">
        {step.kind !== 'grid' && <StewardBackButton step={step} onBack={() => dispatch({ type: 'back' })} />}
        {lockers.length > 0 && (
          <OpenAllButton
            openAll={async (reason) => {
              const result = checked(await client.openAllLockers({ session, confirm: 'open-all', reason }).catch(() => null) ?? { ok: false as const, code: 'unavailable' as const, message: 'openAllLockers threw' });
              void fetchLockers();
              return result;
            }}
          />
        )}
      </div>
    </div>
  );
}
