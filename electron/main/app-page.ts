/**
 * Which page is the station's own. IPC calls and navigations are honoured only for it: the
 * packaged renderer's `index.html` on the app's own scheme (`station://app/index.html`, see
 * app-protocol.ts), or the Vite dev server during development.
 */
import { APP_PAGE_URL } from './app-protocol';

export interface AppPageOptions {
  /** The page's URL; default `station://app/index.html`. */
  readonly appPageUrl?: string;
  /** Dev server URL (e.g. `http://localhost:5173/`); only set when not packaged. */
  readonly devServerUrl?: string;
}

/** True when `url` is the app's page (query and hash ignored). Never throws. */
export type AppPageCheck = (url: string) => boolean;

export function createAppPageCheck(options: AppPageOptions = {}): AppPageCheck {
  const pageHref = new URL(options.appPageUrl ?? APP_PAGE_URL).href;
  const devOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : null;
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return devOrigin !== null && parsed.origin === devOrigin;
    }
    parsed.search = '';
    parsed.hash = '';
    // The whole href, not the origin: file: and custom schemes may have the origin "null".
    return parsed.href === pageHref;
  };
}
