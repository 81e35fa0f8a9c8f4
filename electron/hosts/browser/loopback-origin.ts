/**
 * Which Host and Origin values the browser host accepts. Only the loopback names of its own
 * port: a foreign Origin means another site is trying to drive the station from a browser on
 * this machine; a foreign Host means DNS rebinding.
 */
export interface LoopbackNames {
  /** `host:port` values accepted in the Host header. */
  readonly hosts: ReadonlySet<string>;
  /** `http://host:port` values accepted in the Origin header. */
  readonly origins: ReadonlySet<string>;
  /** `ws://host:port` values the page may connect to (for the CSP). */
  readonly socketOrigins: readonly string[];
}

export function loopbackNames(port: number): LoopbackNames {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    hosts: new Set(hosts),
    origins: new Set(hosts.map((h) => `http://${h}`)),
    socketOrigins: hosts.map((h) => `ws://${h}`),
  };
}

export function isAllowedHost(names: LoopbackNames, host: string | undefined): boolean {
  return typeof host === 'string' && names.hosts.has(host.toLowerCase());
}

/** A missing Origin is refused too: every browser sends one on a WebSocket handshake. */
export function isAllowedOrigin(names: LoopbackNames, origin: string | undefined): boolean {
  return typeof origin === 'string' && names.origins.has(origin.toLowerCase());
}
