/**
 * Picks how the page reaches the station service. The rest of the UI sees only a
 * `StationClient` and cannot tell the hosts apart.
 */
import { createStationClient } from '../../common/client';
import type { StationClient } from '../../common/contract';
import { pageContract } from './page-contract';
import { takeScreenToken } from './screen-token';
import { createWebSocketClient, pageSocketUrl } from './ws-client';

export function pickStationClient(): StationClient {
  // Electron host: the preload exposed the contract over IPC.
  if (window.station) return window.station;
  // Browser host: the station opened this page with its screen token in the fragment.
  const url = pageSocketUrl(location, takeScreenToken(location, sessionStorageOrNull(), history));
  if (url !== null) {
    try {
      // Loopback reconnects are cheap: try often, so a restarted service is picked up within a second.
      return createWebSocketClient({ url, reconnectMaxMs: 1_000 });
    } catch {
      // Fall through: a page that cannot open a socket still shows "starting up".
    }
  }
  return unreachableClient();
}

/** `sessionStorage`, or null where reading it throws (storage disabled by policy). */
function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * A client whose every call answers `unavailable` (page opened with no host behind it), so
 * the UI shows its calm connecting screen instead of failing.
 */
function unreachableClient(): StationClient {
  return createStationClient(
    () => Promise.reject(new Error('no station service for this page')),
    () => () => undefined,
    pageContract,
  );
}
