/**
 * The station page's own scheme, `station://app/…`, instead of `file://` (Electron security
 * checklist item 18). It is a privileged standard scheme, so the page is an ordinary secure
 * origin (`'self'` in the CSP means the app's files and nothing else) and file:// needs no
 * extra privileges. The handler serves files from the built renderer directory only: any
 * path that would leave it, another host, or a method other than GET/HEAD is refused, and
 * nothing else on the disk can be reached through the scheme.
 */
import { readFile } from 'node:fs/promises';
import { contentTypeOf, resolveStaticPath } from '../hosts/browser/static-files';

export const APP_SCHEME = 'station';
export const APP_HOST = 'app';
/** The URL the window loads. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registration of the scheme, as `protocol.registerSchemesAsPrivileged` takes it (before
 * `app.ready`). `standard` gives it origins and relative URLs; `secure` counts it as HTTPS
 * (module scripts, audio); `supportFetchAPI` lets the page fetch its own voice files;
 * `codeCache` keeps V8's cache of the bundles between starts.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** A request as the handler reads it (the Fetch API `Request` Electron passes fits). */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

export type AppProtocolHandler = (request: AppRequest) => Promise<Response>;

export interface AppProtocolOptions {
  /** Absolute path of the built renderer (`dist/renderer`). */
  readonly rendererDir: string;
  /** Headers added to every answer (the CSP, nosniff). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Reads a file; default `fs.readFile`. Rejects for a missing file or a directory. */
  readonly readFile?: (path: string) => Promise<Uint8Array>;
}

/**
 * Builds the handler. Guarantees: never rejects; 200 with the file's MIME type for a file
 * inside `rendererDir`; 404 for anything else (traversal in any spelling, unknown paths,
 * directories, other hosts); 405 for methods other than GET and HEAD.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): AppProtocolHandler {
  const read = options.readFile ?? ((path: string) => readFile(path));
  const headers = { 'X-Content-Type-Options': 'nosniff', ...options.headers };
  const refuse = (status: number, text: string) =>
    new Response(text, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const path = pagePathOf(request.url);
    if (path === null) return refuse(404, 'Not found');
    const file = resolveStaticPath(options.rendererDir, path === '/' ? '/index.html' : path);
    if (file === null) return refuse(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return refuse(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        ...headers,
        'Content-Type': contentTypeOf(file),
        // A new release must reach the screen on its next load.
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/**
 * The still-encoded path of a `station://app/…` URL, or null for another scheme or host.
 * Taken from the raw URL as well as the parsed one: the URL parser folds `/a/../b` and
 * `%2e%2e` away, so a traversal attempt must be caught before it is normalised.
 */
function pagePathOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!url.toLowerCase().startsWith(prefix)) return null;
  const raw = url.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  // Refuse what the parser would have quietly repaired: dot segments in any spelling.
  if (/(^|\/|\\)(\.|%2e){1,2}(\/|\\|$)/i.test(raw) || /%5c|\\/i.test(raw)) return null;
  return parsed.pathname;
}

/** The part of Electron's `protocol` used (the real one fits; tests use a double). */
export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** Serves the renderer on the app scheme. Call after `app.ready`. */
export function serveAppProtocol(protocol: ProtocolLike, options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
