/** Page entry: translations, the station client, and the kiosk inside its error boundary. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { preloadContractSections } from './api/page-contract';
import { pickStationClient } from './api/station-client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { firstScreen } from './app/first-screen';
import { preloadLaterScreens, whenIdle } from './app/later-screens';
import { initI18n, preloadLanguages } from './i18n/i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/screens.css';
import './styles/lockers.css';
import './styles/steward.css';

const i18n = initI18n();

// A long press on a touch screen must not open a context menu over the kiosk.
window.addEventListener('contextmenu', (event) => event.preventDefault());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App client={pickStationClient()} />
      </ErrorBoundary>
    </StrictMode>,
  );
  // Not before the first screen is on glass: these fetches would compete with it.
  firstScreen.whenShown(() => {
    preloadLaterScreens();
    whenIdle(() => preloadLanguages(i18n));
    whenIdle(preloadContractSections);
  });
}
