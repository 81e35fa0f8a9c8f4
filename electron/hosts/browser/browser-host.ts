/**
 * The browser host: the station service in a plain Node process, serving the built renderer
 * and the contract over a loopback WebSocket guarded by the screen token. Bound to 127.0.0.1
 * only; nothing on the network can reach it. The page it serves carries no token: the screen
 * gets it in the URL fragment of {@link BrowserHost.screenUrl}, which no request ever sends.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENT_NAMES } from '../../../common/contract';
import { MAX_SOCKET_MESSAGE_BYTES, SOCKET_PATH, TOKEN_FRAGMENT_KEY } from '../../../common/socket-protocol';
import type { StationService } from '../../service-contract';
import { contentSecurityPolicy } from '../content-security-policy';
import { createBootToken, tokensEqual } from './boot-token';
import { isAllowedHost, isAllowedOrigin, loopbackNames, type LoopbackNames } from './loopback-origin';
import { attachSocketSession, sendMessage } from './socket-session';
import { createStaticSite, sendText, type StaticSite } from './static-files';

export interface BrowserHostOptions {
  readonly service: StationService;
  /** Directory of the built renderer (`dist/renderer`), holding `index.html`. */
  readonly staticDir: string;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /**
   * The secret the page must present on the socket (see `screen-token.ts`); the station keeps
   * it across restarts so an open page resumes. Default a fresh random one.
   */
  readonly token?: string;
  /** One line per refused socket handshake (wrong token, foreign Origin). Default silent. */
  readonly onRefused?: (line: string) => void;
}

/**
 * A running browser host. Guarantees: it listens on 127.0.0.1 only; no answer it gives
 * contains the token; `close()` terminates every socket and the server and resolves once
 * both are gone (idempotent). It does not close the service: the caller owns that.
 */
export interface BrowserHost {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly port: number;
  /** The token the page must present on the socket. */
  readonly token: string;
  /** `http://127.0.0.1:PORT/#token=…`: the private address of the station's own screen. */
  readonly screenUrl: string;
  close(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? createBootToken();
  const onRefused = options.onRefused ?? (() => undefined);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
  // Filled in once the port is known; requests cannot arrive before listen() resolves.
  let names: LoopbackNames = loopbackNames(0);
  let headers: Record<string, string> = {};
  let site: StaticSite | null = null;

  const server = createServer((req, res) => {
    void handleRequest(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error', headers);
      else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(names, req.headers.host)) return sendText(res, 403, 'Forbidden', headers);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed', headers);
    }
    const pathname = pathOf(req.url);
    if (pathname === null) return sendText(res, 400, 'Bad request', headers);
    if (pathname === SOCKET_PATH) return sendText(res, 426, 'Upgrade required', headers);
    await site?.serve(req, res, pathname);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== SOCKET_PATH) return refuse(socket, 404, 'Not Found');
    if (!isAllowedHost(names, req.headers.host) || !isAllowedOrigin(names, req.headers.origin)) {
      onRefused(`Refused a socket from Origin ${String(req.headers.origin ?? 'none').slice(0, 100)}`);
      return refuse(socket, 403, 'Forbidden');
    }
    if (!tokensEqual(token, url.searchParams.get('token'))) {
      onRefused('Refused a socket without the screen token');
      return refuse(socket, 401, 'Unauthorized');
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => attachSocketSession(ws, options.service.api));
  });

  const unsubscribe = EVENT_NAMES.map((event) =>
    options.service.events.on(event, (payload) => {
      for (const ws of wss.clients) sendMessage(ws, { type: 'event', event, payload });
    }),
  );

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  }).catch((error: unknown) => {
    for (const off of unsubscribe) off();
    throw error;
  });

  const port = (server.address() as AddressInfo).port;
  names = loopbackNames(port);
  headers = securityHeaders(contentSecurityPolicy(names.socketOrigins));
  site = createStaticSite(options.staticDir, headers);

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    screenUrl: screenUrlOf(port, token),
    close: () => (closing ??= closeAll(server, wss, unsubscribe)),
  };
}

/** The screen's private address: the token rides in the fragment, which browsers never send. */
export function screenUrlOf(port: number, token: string): string {
  return `http://127.0.0.1:${port}/#${TOKEN_FRAGMENT_KEY}=${token}`;
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
  };
}

function pathOf(rawUrl: string | undefined): string | null {
  try {
    return new URL(rawUrl ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

/** Answers a refused handshake with a plain HTTP status, before any upgrade. */
function refuse(socket: Duplex, status: number, reason: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

async function closeAll(server: Server, wss: WebSocketServer, unsubscribe: Array<() => void>): Promise<void> {
  for (const off of unsubscribe) off();
  for (const ws of wss.clients) ws.terminate();
  await new Promise<void>((done) => wss.close(() => done()));
  const closed = new Promise<void>((done) => server.close(() => done()));
  // Keep-alive HTTP connections would otherwise hold close() open.
  server.closeAllConnections();
  await closed;
}
