/**
 * The kiosk: one state machine (`kiosk-state`), fed by the service, the card reader, taps and
 * timers, and one screen drawn from it. The frame (station name, language switch, device
 * banner) is the same on every screen.
 */
import { Suspense, useCallback, useEffect, useReducer, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../common/contract';
import type { Locale, StationInfo, WorkerCategory } from '../../common/domain';
import type { CableType, RetrieveOutcome } from '../../common/lockers';
import type { Result } from '../../common/result';
import { STEWARD_IDLE_SECONDS } from '../../common/steward-session';
import { localized, toLocale } from '../i18n/i18n';
import { DeviceBanner } from '../components/DeviceBanner';
import { DoorAlarm } from '../components/DoorAlarm';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { VoiceToggle } from '../components/VoiceToggle';
import { PersonalCountdown } from '../components/PersonalCountdown';
import { ScreenNotice } from '../components/ScreenNotice';
import { afterPaint } from './after-paint';
import { firstScreen } from './first-screen';
import { cardReaderOffline } from './device-summary';
import {
  initialKioskState,
  idleTimerRuns,
  kioskReducer,
  soundForEvent,
  visibleScreen,
  type KioskEvent,
} from './kiosk-state';
import { releasedPasses } from './held-passes';
import { wantsAvailability, type Claimant, type CodeKey, type OpenedLocker } from './locker-flow';
import type { SlipPrintAnswer } from '../screens/PickupCodeScreen';
import { LockerOfferContext } from './locker-offer-context';
import { CurrentNoticesContext, useCurrentNotices } from '../notices/use-current-notices';
import { playSound } from './sounds';
import { ScreenView } from './ScreenView';
import { useHeartbeat } from './use-heartbeat';
import type { VoicePrompt } from './voice-clips';
import { voiceForChange } from './voice-moments';
import { useIdleTimeout } from './use-idle-timeout';
import { useLockerAvailability } from './use-locker-availability';
import { usePersonalCountdown } from './use-personal-countdown';
import { useScreenNotice } from './use-screen-notice';
import { useStationSync } from './use-station-sync';
import { useWedgeCapture } from './use-wedge-capture';
import { useWishRotation } from '../wishes/use-wish-rotation';
import { lazyScreen } from './lazy-screen';

/** The night shade, in its own chunk: most stations never dim. */
const NightDim = lazyScreen(() => import('../kiosk/NightDim').then((m) => m.NightDim));

/**
 * Speaks a prompt; the player and its clip table are a chunk of their own, fetched with the
 * first prompt (always after a paint or a touch, never on the way to the first screen).
 */
function speak(prompt: VoicePrompt, locale: Locale): void {
  void import('./voice').then(({ speak: play }) => play(prompt, locale)).catch(() => undefined);
}

/** Used until the station info says otherwise. */
const DEFAULT_IDLE_TIMEOUT_SECONDS = 60;
const DEFAULT_PERSONAL_SCREEN_SECONDS = 15;

export function App({ client }: { readonly client: StationClient }): ReactElement {
  const { t, i18n } = useTranslation();
  const [state, rawDispatch] = useReducer(kioskReducer, initialKioskState);
  const { info } = state;

  const dispatch = useCallback((event: KioskEvent) => {
    const sound = soundForEvent(event);
    // After the frame: the first tone builds an AudioContext (tens of ms on a busy core),
    // which must not stand between a tap and its greeting on glass.
    if (sound) afterPaint(() => playSound(sound));
    rawDispatch(event);
  }, []);

  /** Turns a failed call into the right state; true when the call worked. */
  const settle = useCallback(
    <T,>(result: Result<T>, onOk: (value: T) => KioskEvent | null): boolean => {
      if (result.ok) {
        const event = onOk(result.value);
        if (event) dispatch(event);
        return true;
      }
      if (result.code === 'unavailable') dispatch({ type: 'service-unavailable' });
      return false;
    },
    [dispatch],
  );

  const applyDefaultLocale = useCallback(
    (stationInfo: StationInfo) => void i18n.changeLanguage(stationInfo.defaultLocale),
    [i18n],
  );
  useStationSync(client, state.service, dispatch, applyDefaultLocale);
  const hasInfo = info !== null;
  useEffect(() => (hasInfo ? afterPaint(firstScreen.shown) : undefined), [hasInfo]);
  useHeartbeat(client, dispatch);
  const notice = useScreenNotice(client);
  const currentNotices = useCurrentNotices(client);
  useLockerAvailability(client, wantsAvailability(state.screen), state.screenSeq, dispatch);
  const wishNotes = useWishRotation(client, state.screen.name === 'attract');

  useWedgeCapture(
    useCallback(
      (text: string) => {
        void client.submitWedgeRead({ text }).then((result) => {
          // A steward's card at the console's sign-in: the service's `stewardCard` event moves it on.
          if (result.ok) {
            if (result.value.kind !== 'steward-card') dispatch({ type: 'check-in', outcome: result.value });
          }
          // The tap was read but not saved (storage stayed locked, or the service is away): say "tap again".
          else if (result.code === 'unavailable') dispatch({ type: 'card-error', reason: 'not-saved' });
          else dispatch({ type: 'card-error' });
        });
      },
      [client, dispatch],
    ),
  );

  // The main moments are spoken too, unless the station mutes them (station.json spokenPrompts)
  // or the person at the kiosk does (until the screen goes back to the start).
  const [voiceMuted, setVoiceMuted] = useState(false);
  const voiceOn = state.info?.spokenPrompts === true && !voiceMuted;
  const before = useRef(state);
  useEffect(() => {
    const prompt = voiceForChange(before.current, state);
    before.current = state;
    // Spoken once the new screen is painted: a tap's greeting renders synchronously
    // (flushSync), so this effect runs in the same task, and starting a clip (an audio
    // element, its fetch and decoder) would hold up the frame.
    if (prompt && voiceOn) {
      const locale = toLocale(i18n.resolvedLanguage);
      afterPaint(() => speak(prompt, locale));
    }
  }, [state, i18n, voiceOn]);

  // A pass whose screens have gone (Done, idle, countdown, a new tap) is void in the service at
  // once, not only when it expires: nobody at the kiosk can use it after the member walked away.
  const shownScreen = useRef(state.screen);
  useEffect(() => {
    for (const cardPass of releasedPasses(shownScreen.current, state.screen)) void client.releaseCardPass({ cardPass });
    shownScreen.current = state.screen;
  }, [client, state.screen]);

  // Back to the start is the next person's kiosk: their voice prompts are on again.
  const goHome = useCallback(() => {
    dispatch({ type: 'home' });
    setVoiceMuted(false);
  }, [dispatch]);
  // Walking away resets everything, language included, for the next worker.
  const onIdle = useCallback(() => {
    dispatch({ type: 'home' });
    setVoiceMuted(false);
    if (info) void i18n.changeLanguage(info.defaultLocale);
  }, [dispatch, i18n, info]);
  useIdleTimeout(
    // The steward console has its own, longer limit, the same as its session on the service.
    (state.screen.name === 'steward' ? STEWARD_IDLE_SECONDS : (info?.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_SECONDS)) * 1000,
    state.screenSeq,
    idleTimerRuns(state, toLocale(i18n.resolvedLanguage)),
    onIdle,
  );
  // A personal screen goes when its countdown ends, touched or not: its card pass dies then too.
  const personalSecondsLeft = usePersonalCountdown(
    (info?.personalScreenSeconds ?? DEFAULT_PERSONAL_SCREEN_SECONDS) * 1000,
    state.personal,
    onIdle,
  );

  /** A locker call's answer (or error) always moves the flow on, so the button never shows "failed". */
  const retrieved = useCallback(
    (result: Result<RetrieveOutcome>): boolean => {
      dispatch(
        result.ok
          ? { type: 'retrieved', outcome: result.value, atMs: Date.now() }
          : { type: 'locker-call-failed', code: result.code },
      );
      return true;
    },
    [dispatch],
  );

  const actions = {
    home: goHome,
    back: useCallback(() => dispatch({ type: 'back' }), [dispatch]),
    sayTapCard: useCallback(() => {
      if (voiceOn) speak({ kind: 'tap-card' }, toLocale(i18n.resolvedLanguage));
    }, [voiceOn, i18n]),
    noCard: useCallback(() => dispatch({ type: 'no-card' }), [dispatch]),
    openJoin: useCallback((from: 'attract' | 'guest') => dispatch({ type: 'open-join', from }), [dispatch]),
    guest: useCallback(
      async () => settle(await client.guestCheckIn(), (guest) => ({ type: 'guest-checked-in', guest })),
      [client, settle],
    ),
    interest: useCallback(
      async (from: 'attract' | 'guest') =>
        settle(await client.registerJoinInterest({ from }), () => ({ type: 'interest-registered' })),
      [client, settle],
    ),
    pickCategory: useCallback(
      async (visitId: number, category: WorkerCategory | null) => {
        // A failure here must not trap the worker on the picker: thank them either way.
        settle(await client.setWorkerCategory({ visitId, category }), () => null);
        dispatch({ type: 'category-done' });
      },
      [client, dispatch, settle],
    ),
    charge: useCallback(() => dispatch({ type: 'charge' }), [dispatch]),
    claim: useCallback(
      async (claimant: Claimant, cable: CableType) => {
        const result = await client.claimLocker({ claimant, cable });
        dispatch(result.ok ? { type: 'claimed', cable, outcome: result.value } : { type: 'locker-call-failed', code: result.code });
      },
      [client, dispatch],
    ),
    openMine: useCallback(
      async (cardPass: string) => retrieved(await client.openMyLocker({ kind: 'member', cardPass })),
      [client, retrieved],
    ),
    submitCode: useCallback(
      async (lockerNumber: number, pickupCode: string) => retrieved(await client.openMyLocker({ kind: 'guest', lockerNumber, pickupCode })),
      [client, retrieved],
    ),
    lostCode: useCallback(
      async (lockerNumber: number) => {
        const result = await client.recoverPickupCode({ lockerNumber });
        if (result.ok) dispatch({ type: 'code-recovered', outcome: result.value });
        else if (result.code === 'unavailable') dispatch({ type: 'service-unavailable' });
        return result.ok;
      },
      [client, dispatch],
    ),
    codeNext: useCallback(() => dispatch({ type: 'code-next' }), [dispatch]),
    changeLocker: useCallback(() => dispatch({ type: 'code-change-locker' }), [dispatch]),
    collect: useCallback(() => dispatch({ type: 'collect' }), [dispatch]),
    codeKey: useCallback((key: CodeKey) => dispatch({ type: 'code-key', key, atMs: Date.now() }), [dispatch]),
    pickupNoted: useCallback(() => dispatch({ type: 'pickup-code-noted' }), [dispatch]),
    printSlip: useCallback(
      async (opened: OpenedLocker): Promise<SlipPrintAnswer> => {
        const result = await client.printPickupSlip({ sessionId: opened.sessionId, lockerNumber: opened.lockerNumber, language: toLocale(i18n.resolvedLanguage) });
        return result.ok ? result.value.kind : 'failed';
      },
      [client, i18n],
    ),
    steward: useCallback(() => dispatch({ type: 'steward' }), [dispatch]),
    openWishes: useCallback(() => {
      const fromSeq = state.screenSeq;
      const open = () => dispatch({ type: 'open-wishes', fromSeq });
      // The opening is in the wall's chunk (fetched when the page idles), not the first screen's.
      void import('../wishes/wall-opening').then((m) => m.openWallWhenReady(client, open), open);
    }, [client, dispatch, state.screenSeq]),
    client,
  };

  const locale = toLocale(i18n.resolvedLanguage);
  const current = visibleScreen(state);
  return (
    <div className="kiosk" data-screen={current}>
      <header className="topbar">
        <div className="station-name">{info ? localized(info.stationName, locale) : ''}</div>
        {info?.spokenPrompts && <VoiceToggle muted={voiceMuted} onToggle={() => setVoiceMuted((muted) => !muted)} />}
        <LanguageSwitch />
      </header>
      {notice && <ScreenNotice notice={notice} />}
      {current !== 'connecting' && cardReaderOffline(state.devices) && <DeviceBanner />}
      {state.doorsLeftOpen.length > 0 && <DoorAlarm lockerNumbers={state.doorsLeftOpen} />}
      {current !== 'connecting' && state.heldTap && (
        <div className="held-tap-banner" data-testid="held-tap" role="status">
          {t('app.heldTap')}
        </div>
      )}
      {current !== 'connecting' && personalSecondsLeft !== null && <PersonalCountdown seconds={personalSecondsLeft} />}
      <main className="stage" key={state.screenSeq}>
        <LockerOfferContext.Provider value={state.lockers}>
          <CurrentNoticesContext.Provider value={currentNotices}>
            <ScreenView state={state} actions={actions} wishNotes={wishNotes} />
          </CurrentNoticesContext.Provider>
        </LockerOfferContext.Provider>
      </main>
      <Suspense fallback={null}>
        <NightDim client={client} />
      </Suspense>
    </div>
  );
}

/** What the screens can ask the kiosk to do. */
export type KioskActions = {
  readonly home: () => void;
  /** To the screen the current one was opened from. */
  readonly back: () => void;
  /** Says "tap your card on the reader" aloud (when spoken prompts are on). */
  readonly sayTapCard: () => void;
  readonly noCard: () => void;
  readonly openJoin: (from: 'attract' | 'guest') => void;
  readonly guest: () => Promise<boolean>;
  readonly interest: (from: 'attract' | 'guest') => Promise<boolean>;
  readonly pickCategory: (visitId: number, category: WorkerCategory | null) => Promise<void>;
  /** "Charge my phone": to the cable picker. */
  readonly charge: () => void;
  /** Claims a locker with this cable; the flow moves on with the answer. */
  readonly claim: (claimant: Claimant, cable: CableType) => Promise<void>;
  /** "Open my locker" with a fresh card pass; true once the answer moved the flow on. */
  readonly openMine: (cardPass: string) => Promise<boolean>;
  /** Sends a locker number with its typed pickup code; true once the answer moved the flow on. */
  readonly submitCode: (lockerNumber: number, pickupCode: string) => Promise<boolean>;
  /** "Lost your code?" for a locker; true once the answer moved the flow on. */
  readonly lostCode: (lockerNumber: number) => Promise<boolean>;
  /** "Next" after the locker number on the keypad. */
  readonly codeNext: () => void;
  /** Back from the code to the locker number. */
  readonly changeLocker: () => void;
  /** "Collect my phone": to the keypad. */
  readonly collect: () => void;
  readonly codeKey: (key: CodeKey) => void;
  /** "I have it" under the pickup code. */
  readonly pickupNoted: () => void;
  /** Prints the guest's pickup slip in the screen's language. */
  readonly printSlip: (opened: OpenedLocker) => Promise<SlipPrintAnswer>;
  /** "Steward" on the attract screen: to the console's sign-in. */
  readonly steward: () => void;
  /** "Wish wall": with the wish pass of the check-in on screen, if any. */
  readonly openWishes: () => void;
  /** The station, for the steward console: its sections call their own methods with the session. */
  readonly client: StationClient;
};
