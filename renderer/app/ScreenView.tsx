/** Draws the one screen the state calls for. */
import { Suspense, type ReactElement } from 'react';
import { missingCase } from '../../common/result';
import { AlreadyHereScreen } from '../screens/AlreadyHereScreen';
import { AttractScreen } from '../screens/AttractScreen';
import { CardErrorScreen } from '../screens/CardErrorScreen';
import { ConnectingScreen } from '../screens/ConnectingScreen';
import { GoodbyeScreen } from '../screens/GoodbyeScreen';
import { GuestWelcomeScreen } from '../screens/GuestWelcomeScreen';
import { WelcomeScreen } from '../screens/WelcomeScreen';
import { ChargePanel } from '../components/ChargePanel';
import type { WishNote } from '../../common/wishes';
import { WishWallButton } from '../wishes/WishWallButton';
import type { KioskActions } from './App';
import {
  CodeEntryScreen,
  JoinScreen,
  LockerCableScreen,
  LockerChargingScreen,
  LockerEndedScreen,
  LockerHeldScreen,
  LockerMessageScreen,
  LockerOpenScreen,
  LockerRetrieveScreen,
  PickupCodeScreen,
  NoCardScreen,
  ConsoleScreen,
  WishWallScreen,
} from './later-screens';
import { visibleScreen, type KioskState } from './kiosk-state';
import { slipPrinterReady } from './device-summary';
import { chargeOffer, openPassOf } from './locker-flow';

interface ScreenViewProps {
  readonly state: KioskState;
  readonly actions: KioskActions;
  /** For the attract screen's rotation. */
  readonly wishNotes: readonly WishNote[];
}

export function ScreenView(props: ScreenViewProps): ReactElement {
  // Later screens load their chunk when first shown (they are normally preloaded by then);
  // meanwhile an empty screen keeps the kiosk's background, never a black page.
  return (
    <Suspense fallback={<section className="screen" data-testid="screen-loading" />}>
      <ScreenSwitch {...props} />
    </Suspense>
  );
}

function ScreenSwitch({ state, actions, wishNotes }: ScreenViewProps): ReactElement {
  const { screen, info } = state;
  if (info === null || visibleScreen(state) === 'connecting') return <ConnectingScreen service={state.service} />;
  const openPass = openPassOf(screen);
  const lockerPanel = (
    <ChargePanel
      offer={chargeOffer(state)}
      held={screen.name === 'welcome' || screen.name === 'already-here' ? screen.member.locker : null}
      onOpenMine={openPass === null ? null : () => actions.openMine(openPass)}
      onCharge={actions.charge}
    />
  );
  const wishWall = <WishWallButton onOpen={actions.openWishes} />;
  const noLockers = typeof state.lockers === 'object' && state.lockers.state === 'none';
  switch (screen.name) {
    case 'attract':
      return (
        <AttractScreen
          info={info}
          onNoCard={actions.noCard}
          onCollect={noLockers ? null : actions.collect}
          onSteward={actions.steward}
          onPromptTouch={actions.sayTapCard}
          wishNotes={wishNotes}
          onOpenWishes={actions.openWishes}
        />
      );
    case 'steward':
      return <ConsoleScreen client={actions.client} onExit={actions.home} />;
    case 'welcome':
      return (
        <WelcomeScreen
          screen={screen}
          info={info}
          onPickCategory={(category) => actions.pickCategory(screen.visitId, category)}
          onDone={actions.home}
          // One question at a time: the locker offer waits until the category is answered.
          lockerPanel={screen.category === 'ask' ? null : lockerPanel}
          wishWall={wishWall}
        />
      );
    case 'already-here':
      return <AlreadyHereScreen onDone={actions.home} lockerPanel={lockerPanel} wishWall={wishWall} />;
    case 'goodbye':
      return <GoodbyeScreen dwellMinutes={screen.dwellMinutes} onDone={actions.home} />;
    case 'no-card':
      return <NoCardScreen onGuest={actions.guest} onJoin={() => actions.openJoin('attract')} onBack={actions.back} />;
    case 'guest-welcome':
      return (
        <GuestWelcomeScreen
          info={info}
          onJoin={() => actions.openJoin('guest')}
          onDone={actions.home}
          lockerPanel={lockerPanel}
          wishWall={wishWall}
        />
      );
    case 'join':
      return (
        <JoinScreen
          joinUrl={info.joinUrl}
          interestSent={screen.interestSent}
          onInterest={() => actions.interest(screen.from)}
          onDone={actions.home}
          onBack={actions.back}
        />
      );
    case 'card-error':
      return <CardErrorScreen reason={screen.reason} onDismiss={actions.home} />;
    case 'locker-cable':
      return (
        <LockerCableScreen
          lockers={state.lockers}
          noneFree={screen.noneFree}
          onPick={(cable) => actions.claim(screen.claimant, cable)}
          onBack={actions.back}
        />
      );
    case 'pickup-code':
      return (
        <PickupCodeScreen
          opened={screen.opened}
          pickupCode={screen.pickupCode}
          onNoted={actions.pickupNoted}
          printerReady={slipPrinterReady(state.devices)}
          onPrint={() => actions.printSlip(screen.opened)}
        />
      );
    case 'locker-open':
      return <LockerOpenScreen opened={screen.opened} onDone={actions.home} />;
    case 'locker-charging':
      return (
        <LockerChargingScreen
          lockerNumber={screen.lockerNumber}
          holder={screen.holder}
          dueAtMs={screen.dueAtMs}
          onDone={actions.home}
        />
      );
    case 'locker-held':
      return (
        <LockerHeldScreen
          locker={screen.locker}
          onOpenMine={openPass === null ? null : () => actions.openMine(openPass)}
          onDone={actions.home}
        />
      );
    case 'code-entry':
      return (
        <CodeEntryScreen
          step={screen.step}
          lockerNumber={screen.lockerNumber}
          digits={screen.digits}
          problem={screen.problem}
          onKey={actions.codeKey}
          onNext={actions.codeNext}
          onChangeLocker={actions.changeLocker}
          onSubmit={actions.submitCode}
          onLostCode={actions.lostCode}
          onBack={actions.back}
        />
      );
    case 'locker-retrieve':
      return <LockerRetrieveScreen lockerNumber={screen.lockerNumber} onDone={actions.home} />;
    case 'locker-ended':
      return <LockerEndedScreen lockerNumber={screen.lockerNumber} onDone={actions.home} />;
    case 'locker-message':
      return <LockerMessageScreen problem={screen.problem} lockerNumber={screen.lockerNumber} onDone={actions.home} />;
    case 'wishes':
      return <WishWallScreen api={actions.client} pass={screen.pass} onDone={actions.home} />;
    default:
      return missingCase(screen);
  }
}
