import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../service/testing/temp-dirs';
import {
  APP_PAGE_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  serveAppProtocol,
  type ProtocolLike,
} from './app-protocol';

const temp = useTempDirs('app-protocol-');

/** A built renderer in a temp dir, with a secret file beside it the scheme must never reach. */
function site() {
  const base = temp.make();
  const rendererDir = join(base, 'dist', 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>station</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'export const x = 1;');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(rendererDir, 'tap.wav'), Buffer.from([0x52, 0x49, 0x46, 0x46]));
  writeFileSync(join(rendererDir, 'logo.svg'), '<svg/>');
  writeFileSync(join(rendererDir, 'font.woff2'), Buffer.from([1, 2, 3]));
  writeFileSync(join(base, 'dist', 'secret.txt'), 'station key');
  writeFileSync(join(base, 'station.json'), '{"key":"secret"}');
  const handler = createAppProtocolHandler({ rendererDir, headers: { 'Content-Security-Policy': "default-src 'none'" } });
  const get = (url: string, method = 'GET') => handler({ url, method });
  return { get, rendererDir };
}

describe('station:// app protocol', () => {
  it('is registered as a privileged standard, secure scheme named station', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'station',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
    expect(APP_PAGE_URL).toBe('station://app/index.html');
  });

  it.each([
    ['station://app/index.html', 'text/html; charset=utf-8', '<!doctype html><title>station</title>'],
    ['station://app/', 'text/html; charset=utf-8', '<!doctype html><title>station</title>'],
    ['station://app/index.html?lang=en#/welcome', 'text/html; charset=utf-8', '<!doctype html><title>station</title>'],
    ['station://app/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'export const x = 1;'],
    ['station://app/assets/index-abc123.css', 'text/css; charset=utf-8', 'body{}'],
    ['station://app/logo.svg', 'image/svg+xml', '<svg/>'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await site().get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  it('serves sounds and fonts byte for byte with their MIME types', async () => {
    const s = site();
    const wav = await s.get('station://app/tap.wav');
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    expect([...new Uint8Array(await wav.arrayBuffer())]).toEqual([0x52, 0x49, 0x46, 0x46]);
    const font = await s.get('station://app/font.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect([...new Uint8Array(await font.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it.each([
    'station://app/../secret.txt',
    'station://app/../../station.json',
    'station://app/assets/../../secret.txt',
    'station://app/%2e%2e/secret.txt',
    'station://app/%2E%2E/%2e%2e/station.json',
    'station://app/.%2e/secret.txt',
    'station://app/assets/%2e%2e/%2e%2e/secret.txt',
    'station://app/..%2fsecret.txt',
    'station://app/..%5csecret.txt',
    'station://app/assets\\..\\..\\secret.txt',
    'station://app/%00index.html',
    'station://app/%E0%A4%A',
  ])('refuses the traversal %s with 404 and no body of the file', async (url) => {
    const response = await site().get(url);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).toBe('Not found');
  });

  it.each([
    'station://app/missing.js',
    'station://app/assets/',
    'station://app/assets',
    'station://other/index.html',
    'station://app.evil/index.html',
    'file:///etc/passwd',
    'https://app/index.html',
  ])('answers an unknown path, a directory or another origin %s with 404', async (url) => {
    expect((await site().get(url)).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const s = site();
    const head = await s.get(APP_PAGE_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await s.get(APP_PAGE_URL, method)).status).toBe(405);
  });

  it('serveAppProtocol hands the handler to protocol.handle for the station scheme', async () => {
    const s = site();
    // Test double of Electron's protocol module: records the registration.
    const handled: Array<[string, (request: Request) => Promise<Response>]> = [];
    const protocol: ProtocolLike = { handle: (scheme, handler) => void handled.push([scheme, handler]) };
    serveAppProtocol(protocol, { rendererDir: s.rendererDir });
    expect(handled.map(([scheme]) => scheme)).toEqual([APP_SCHEME]);
    const response = await handled[0]![1](new Request('station://app/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>station</title>');
  });
});
