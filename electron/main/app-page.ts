/**
 * Which page is the station's own. IPC calls and navigations are honoured only for it: the
 * packaged renderer's `index.html` over file://, or the Vite dev server during development.
 */
import { pathToFileURL } from 'node:url';

export interface AppPageOptions {
  /** Absolute path of the built renderer's `index.html`. */
  readonly rendererIndexPath: string;
  /** Dev server URL (e.g. `http://localhost:5173/`); only set when not packaged. */
  readonly devServerUrl?: string;
}

/** True when `url` is the app's page (query and hash ignored). Never throws. */
export type AppPageCheck = (url: string) => boolean;

export function createAppPageCheck(options: AppPageOptions): AppPageCheck {
  const fileHref = pathToFileURL(options.rendererIndexPath).href;
  const devOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : null;
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol === 'file:') {
      parsed.search = '';
      parsed.hash = '';
      return parsed.href === fileHref;
    }
    // `new URL('file:…').origin` is the string "null": never compare origins of file URLs.
    return devOrigin !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === devOrigin;
  };
}
