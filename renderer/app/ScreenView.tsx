/** Draws the one screen the state calls for. */
import type { ReactElement } from 'react';
import { missingCase } from '../../common/result';
import { AlreadyHereScreen } from '../screens/AlreadyHereScreen';
import { AttractScreen } from '../screens/AttractScreen';
import { CardErrorScreen } from '../screens/CardErrorScreen';
import { ConnectingScreen } from '../screens/ConnectingScreen';
import { GoodbyeScreen } from '../screens/GoodbyeScreen';
import { GuestWelcomeScreen } from '../screens/GuestWelcomeScreen';
import { JoinScreen } from '../screens/JoinScreen';
import { NoCardScreen } from '../screens/NoCardScreen';
import { WelcomeScreen } from '../screens/WelcomeScreen';
import type { KioskActions } from './App';
import type { KioskState } from './kiosk-state';

export function ScreenView({ state, actions }: { readonly state: KioskState; readonly actions: KioskActions }): ReactElement {
  const { screen, info } = state;
  if (state.service !== 'ready' || info === null) return <ConnectingScreen service={state.service} />;
  switch (screen.name) {
    case 'attract':
      return <AttractScreen info={info} onNoCard={actions.noCard} />;
    case 'welcome':
      return (
        <WelcomeScreen
          screen={screen}
          info={info}
          onPickCategory={(category) => actions.pickCategory(screen.visitId, category)}
          onDone={actions.home}
        />
      );
    case 'already-here':
      return <AlreadyHereScreen onDone={actions.home} />;
    case 'goodbye':
      return <GoodbyeScreen dwellMinutes={screen.dwellMinutes} onDone={actions.home} />;
    case 'no-card':
      return <NoCardScreen onGuest={actions.guest} onJoin={() => actions.openJoin('attract')} onBack={actions.home} />;
    case 'guest-welcome':
      return <GuestWelcomeScreen info={info} onJoin={() => actions.openJoin('guest')} onDone={actions.home} />;
    case 'join':
      return (
        <JoinScreen
          joinUrl={info.joinUrl}
          interestSent={screen.interestSent}
          onInterest={() => actions.interest(screen.from)}
          onDone={actions.home}
        />
      );
    case 'card-error':
      return <CardErrorScreen onDismiss={actions.home} />;
    default:
      return missingCase(screen);
  }
}
