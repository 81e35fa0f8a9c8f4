/**
 * The steward console, loaded only when a steward opens it: sign-in, then a frame with one
 * tab per registered section (see `console-sections.ts`). Leaving it in any way (Sign out,
 * the 2-minute idle timeout, a worker's card tap, which replaces the screen) unmounts it,
 * which signs the session out and closes the sign-in window on the service.
 */
import { Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../common/contract';
import type { Result } from '../../common/result';
import { whenIdle } from '../app/later-screens';
import { playSound } from '../app/sounds';
import { Icon } from '../components/icons';
import { StewardSetupPanel } from './components/StewardSetupPanel';
import { createConsolePrefetch } from './console-prefetch';
import { CONSOLE_SECTIONS, visibleSections } from './console-sections';
import { initialSignIn, signInReducer } from './sign-in-state';
import { SignInPanel } from './SignInPanel';

export interface ConsoleScreenProps {
  readonly client: StationClient;
  /** Back to the attract screen. */
  readonly onExit: () => void;
}

export function ConsoleScreen({ client, onExit }: ConsoleScreenProps): ReactElement {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(signInReducer, initialSignIn);
  const session = state.stage === 'signed-in' ? state.steward.session : null;
  // Asked while the steward signs in, so the frame opens with the right tabs.
  const [hasLockers, setHasLockers] = useState<boolean | null>(null);

  // The sections' code (the usage chart with it) loads while the steward taps card and PIN.
  useEffect(() => {
    whenIdle(() => CONSOLE_SECTIONS.forEach((s) => s.preload()));
  }, []);

  useEffect(() => {
    let live = true;
    void client.getLockerAvailability().then(
      // A failed answer keeps the tab: on a station with lockers it must not go missing.
      (result) => live && setHasLockers(result.ok ? result.value.state !== 'none' : true),
      () => live && setHasLockers(true),
    );
    void client.openStewardSignIn().then(
      (result) => live && dispatch(result.ok ? { type: 'opened', ...result.value } : { type: 'opened', needsSetup: false, pinOnly: true }),
      () => undefined,
    );
    const off = client.on('stewardCard', (card) => dispatch({ type: 'card', pending: card.pending, name: card.name }));
    return () => {
      live = false;
      off();
      void client.closeStewardSignIn().catch(() => undefined);
    };
  }, [client]);

  // However the console is left, the session ends with it.
  const sessionRef = useRef(session);
  sessionRef.current = session;
  useEffect(
    () => () => {
      if (sessionRef.current !== null) void client.signOutSteward({ session: sessionRef.current }).catch(() => undefined);
    },
    [client],
  );

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
      <span>{state.stage === 'signed-in' ? t('console.signOut') : t('steward.exit')}</span>
    </button>
  );

  switch (state.stage) {
    case 'opening':
      return <section className="screen" data-testid="screen-loading" />;
    case 'setup':
      return <StewardSetupPanel setUp={(input) => client.setUpSteward(input)} onSetUp={(steward) => dispatch({ type: 'set-up', steward })} exit={exit} />;
    case 'tap':
    case 'pin':
      return <SignInPanel state={state} dispatch={dispatch} client={client} exit={exit} />;
    case 'signed-in':
      return <ConsoleFrame client={client} session={state.steward.session} name={state.steward.name} hasLockers={hasLockers} onSignedOut={onExit} exit={exit} />;
    default:
      return state satisfies never;
  }
}

interface ConsoleFrameProps {
  readonly client: StationClient;
  readonly session: string;
  readonly name: string;
  /** See `StationShape`. */
  readonly hasLockers: boolean | null;
  /** The service refused the session (expired, signed out elsewhere): leave the console. */
  readonly onSignedOut: () => void;
  readonly exit: ReactElement;
}

function ConsoleFrame({ client, session, name, hasLockers, onSignedOut, exit }: ConsoleFrameProps): ReactElement {
  const { t } = useTranslation();
  const sections = visibleSections({ hasLockers });
  const [current, setCurrent] = useState<string | null>(null);
  const prefetch = useMemo(() => createConsolePrefetch(client, session), [client, session]);
  // Nothing chosen yet (or a tab no longer shown): the first shown section.
  const section = sections.find((s) => s.id === current) ?? sections[0];
  const shown = useRef(section);
  shown.current = section;
  // As the console opens, the first answer of every section not on screen is asked for (the
  // one on screen has asked already, as it mounted); the session's end drops them all.
  useEffect(() => {
    CONSOLE_SECTIONS.forEach((s) => s !== shown.current && s.prefetch?.(prefetch));
    return () => prefetch.clear();
  }, [prefetch]);
  const checked = useCallback(
    <T,>(result: Result<T>): Result<T> => {
      if (!result.ok && result.code === 'forbidden') onSignedOut();
      return result;
    },
    [onSignedOut],
  );
  const Section = section?.component;
  return (
    <section className="screen screen-console" data-testid="screen-console">
      <header className="console-header">
        {/* Sign out beside the name, not under the section: a long section never pushes it off screen. */}
        <div className="console-who-row">
          <p className="console-who" data-testid="console-who">
            {t('console.signedInAs', { name })}
          </p>
          {exit}
        </div>
        <nav className="console-tabs" role="tablist">
          {sections.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              aria-selected={s.id === section?.id}
              className="console-tab"
              data-testid={`console-tab-${s.id}`}
              onClick={() => {
                // Before the section renders: its answer travels while it mounts.
                if (s !== section) s.prefetch?.(prefetch);
                setCurrent(s.id);
              }}
            >
              {t(s.title)}
            </button>
          ))}
        </nav>
      </header>
      <div className="console-body" data-testid={`console-section-${section?.id ?? ''}`}>
        <Suspense fallback={<div className="console-loading" data-testid="console-section-loading" />}>
          {Section && <Section key={section.id} session={session} client={client} checked={checked} prefetch={prefetch} />}
        </Suspense>
      </div>
    </section>
  );
}
