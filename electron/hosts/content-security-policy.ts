/**
 * The Content-Security-Policy of the station page, shared by both hosts so the page runs
 * under the same rules everywhere. The built renderer is same-origin module scripts and
 * stylesheets only; nothing is fetched from outside the station.
 */

/**
 * Builds the policy. `connectSources` lists what the page may open connections to (the
 * browser host passes its loopback WebSocket origins; the Electron host passes none, as it
 * talks over IPC).
 */
export function contentSecurityPolicy(connectSources: readonly string[]): string {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    // Libraries (and React's QR/animation helpers) may set <style> text; scripts stay strict.
    'style-src': ["'self'", "'unsafe-inline'"],
    // QR codes and generated icons are data:/blob: images.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'data:'],
    'connect-src': connectSources.length > 0 ? ["'self'", ...connectSources] : ["'none'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
