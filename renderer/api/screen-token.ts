/**
 * How the page learns the browser host's screen token. The station opens its screen at
 * `http://127.0.0.1:PORT/#token=…`: the fragment never leaves the browser, so the server
 * never hands the token to anyone who asks for the page. The page moves the token into
 * `sessionStorage` (this tab only; a reload still connects) and strips it from the address,
 * so it does not linger in the address bar or the history.
 */
import { TOKEN_FRAGMENT_KEY, TOKEN_STORAGE_KEY } from '../../common/socket-protocol';

/** The parts of `window.location` read here (typed so Node tests compile too). */
export interface TokenLocation {
  readonly hash: string;
  readonly pathname: string;
  readonly search: string;
}

/** The parts of `sessionStorage` used here. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The part of `window.history` used here. */
export interface TokenHistory {
  replaceState(data: unknown, unused: string, url: string): void;
}

/**
 * The screen token: from the fragment (then kept and stripped) or, after a reload, from
 * `sessionStorage`; `null` when the page was opened without one. Storage that throws (e.g.
 * disabled) still lets the fragment's token be used for this load.
 */
export function takeScreenToken(location: TokenLocation, storage: TokenStorage | null, history: TokenHistory | null): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get(TOKEN_FRAGMENT_KEY);
  if (fromHash) {
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, fromHash);
    } catch {
      // Without storage a reload loses the token; the page still works until then.
    }
    history?.replaceState(null, '', `${location.pathname}${location.search}`);
    return fromHash;
  }
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) || null;
  } catch {
    return null;
  }
}
