/**
 * The steward's locker panel: PIN on the keypad, then every locker on a grid that refreshes
 * itself, and per locker an action with a preset reason. The PIN is held only in this
 * component's reducer, so it is gone the moment the panel closes (exit, idle timeout, a card
 * tap). Service calls are made from taps, never from mount effects, so a PIN is sent once per
 * "OK" and cannot be counted twice towards the lockout.
 */
import { useCallback, useEffect, useReducer, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../common/contract';
import type { LockerView } from '../../common/lockers';
import type { Result } from '../../common/result';
import {
  initialStewardState,
  pinComplete,
  STEWARD_PIN_MAX,
  STEWARD_REFRESH_MS,
  stewardReducer,
  type StewardEvent,
} from '../app/steward-panel';
import { playSound } from '../app/sounds';
import { Icon } from '../components/icons';
import { Keypad } from '../components/Keypad';
import { StewardActionSheet, StewardBackButton } from '../components/StewardActionSheet';
import { StewardLockerTile } from '../components/StewardLockerTile';
import { StewardSetupPanel } from '../components/StewardSetupPanel';

export interface StewardScreenProps {
  readonly listLockers: (pin: string) => Promise<Result<readonly LockerView[]>>;
  readonly act: (input: MethodInput<'stewardLockerAction'>) => Promise<Result<unknown>>;
  readonly onExit: () => void;
  /** Whether the station still needs its first steward PIN; asked once when the panel opens. */
  readonly stewardSetup: () => Promise<Result<MethodOutput<'getStewardSetup'>>>;
  readonly setUp: (input: MethodInput<'setUpSteward'>) => Promise<Result<unknown>>;
}

export function StewardScreen({ listLockers, act, onExit, stewardSetup, setUp }: StewardScreenProps): ReactElement {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(stewardReducer, initialStewardState);
  const inFlight = useRef(false);
  // A fresh station has no PIN to type: the panel asks for the setup code instead (no PIN is sent).
  const [needsSetup, setNeedsSetup] = useState(false);
  useEffect(() => {
    let live = true;
    void stewardSetup().then(
      (result) => live && setNeedsSetup(result.ok && result.value.needsSetup),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [stewardSetup]);

  const fetchLockers = useCallback(
    (pin: string): Promise<void> =>
      listLockers(pin)
        .catch((): Result<readonly LockerView[]> => ({ ok: false, code: 'unavailable', message: 'listLockers threw' }))
        .then((result) => {
          const event: StewardEvent = result.ok
            ? { type: 'lockers-loaded', pin, lockers: result.value }
            : { type: 'lockers-failed', pin, code: result.code };
          dispatch(event);
        }),
    [listLockers],
  );

  const pin = state.stage === 'lockers' ? state.pin : null;
  useEffect(() => {
    if (pin === null) return undefined;
    const timer = setInterval(() => void fetchLockers(pin), STEWARD_REFRESH_MS);
    return () => clearInterval(timer);
  }, [pin, fetchLockers]);

  const exit = (
    <button
      type="button"
      className="big-button done-button steward-exit"
      data-testid="steward-exit"
      onClick={() => {
        playSound('tap');
        onExit();
      }}
    >
      <Icon name="home" />
      <span>{t('steward.exit')}</span>
    </button>
  );

  if (needsSetup && state.stage === 'pin' && !state.checking) {
    const onSetUp = (pin: string): void => {
      setNeedsSetup(false);
      dispatch({ type: 'pin-set', pin });
      void fetchLockers(pin);
    };
    return <StewardSetupPanel setUp={setUp} onSetUp={onSetUp} exit={exit} />;
  }

  if (state.stage === 'pin') {
    const submitPin = (): void => {
      if (inFlight.current || state.checking || !pinComplete(state.digits)) return;
      inFlight.current = true;
      playSound('tap');
      dispatch({ type: 'pin-submit' });
      void fetchLockers(state.digits).finally(() => {
        inFlight.current = false;
      });
    };
    return (
      <section className="screen screen-steward-pin" data-testid="screen-steward-pin">
        <header className="screen-heading">
          <h1>{t('steward.pinTitle')}</h1>
          <p>{t('steward.pinHint')}</p>
        </header>
        <div className="code-entry-body">
          <Keypad
            digits={state.digits}
            length={STEWARD_PIN_MAX}
            disabled={state.checking}
            canSubmit={pinComplete(state.digits)}
            onKey={(key) => dispatch({ type: 'key', key })}
            onSubmit={submitPin}
            masked
            submitTestId="steward-pin-submit"
            digitsLabel={t('steward.pinDigits')}
            submitLabel={t('steward.pinSubmit')}
          />
          <div className="code-entry-side">
            {state.problem === 'wrong' && (
              <p className="code-problem" data-testid="steward-pin-wrong" role="alert">
                <Icon name="alert" className="inline-icon" /> {t('steward.pinWrong')}
              </p>
            )}
            {state.problem === 'failed' && (
              <p className="code-problem" data-testid="steward-pin-failed" role="alert">
                <Icon name="alert" className="inline-icon" /> {t('steward.pinFailed')}
              </p>
            )}
          </div>
        </div>
        <div className="screen-actions">{exit}</div>
      </section>
    );
  }

  const { step, lockers } = state;
  // Durations on the tiles count to now; the grid is drawn again with every refresh.
  const drawnAtMs = Date.now();
  const selected = step.kind === 'grid' ? null : step.lockerNumber;
  const sendReason = (reason: string): void => {
    if (inFlight.current || step.kind !== 'reason') return;
    inFlight.current = true;
    const { lockerNumber, action } = step;
    const accepted = state.pin;
    dispatch({ type: 'send' });
    void act({ pin: accepted, lockerNumber, action, reason })
      .then((result) => result.ok, () => false)
      .then((ok) => {
        inFlight.current = false;
        playSound(ok ? 'success' : 'failure');
        dispatch({ type: 'action-done', ok });
        // Show what the action did without waiting for the next tick.
        void fetchLockers(accepted);
      });
  };
  return (
    <section className="screen screen-steward-lockers" data-testid="screen-steward-lockers">
      <header className="screen-heading">
        <h1>{t('steward.lockersTitle')}</h1>
        <p>{t('steward.lockersHint')}</p>
        {state.refreshFailed && (
          <p className="code-problem" data-testid="steward-refresh-failed" role="status">
            {t('steward.refreshFailed')}
          </p>
        )}
      </header>
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
        {exit}
      </div>
    </section>
  );
}
