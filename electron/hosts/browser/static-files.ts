/**
 * Serves the built renderer from one directory, as it is: nothing secret is ever put into a
 * page (the screen token reaches the screen in its URL fragment). `index.html` is never
 * cached; hashed assets are cached for good. Nothing outside the directory is ever read.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file inside `root`, or `null` when the path is malformed or
 * would leave `root` (`..`, encoded `%2e%2e`, backslashes, NUL).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').includes('..')) return null;
  const base = resolve(root);
  const full = resolve(join(base, decoded));
  return full === base || full.startsWith(base + sep) ? full : null;
}

export interface StaticSite {
  /** Answers one GET/HEAD request. Never throws. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

/**
 * @param headers security headers added to every answer (CSP, nosniff…).
 */
export function createStaticSite(root: string, headers: Readonly<Record<string, string>>): StaticSite {
  const indexPath = join(resolve(root), 'index.html');

  async function sendIndex(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let html: string;
    try {
      html = await readFile(indexPath, 'utf8');
    } catch {
      return sendText(res, 503, 'The station page has not been built (run npm run build).', headers);
    }
    const body = Buffer.from(html, 'utf8');
    res.writeHead(200, {
      ...headers,
      'Content-Type': CONTENT_TYPES['.html'],
      'Content-Length': body.length,
      // A new release must reach the screen on its next load.
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/' || pathname === '/index.html') return sendIndex(req, res);
    const file = resolveStaticPath(root, pathname);
    if (!file) return sendText(res, 404, 'Not found', headers);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      // Client-side routes (no extension) get the page; missing assets get a 404.
      return extname(pathname) === '' ? sendIndex(req, res) : sendText(res, 404, 'Not found', headers);
    }
    if (file === indexPath) return sendIndex(req, res);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return sendText(res, 404, 'Not found', headers);
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': contentTypeOf(file),
      'Content-Length': body.length,
      // Vite puts content hashes in names under assets/, so those never change.
      'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return { serve };
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    ...headers,
    'Content-Type': CONTENT_TYPES['.txt'],
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
