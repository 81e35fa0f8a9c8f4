/**
 * One JSON POST over node:http / node:https (which, unlike fetch, take a private CA).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PostOptions {
  readonly headers: Record<string, string>;
  /** PEM of the collector's certificate or CA. Default the system store. */
  readonly ca?: Buffer;
  /** Whole request budget, ms. */
  readonly timeoutMs: number;
  /** Longer answers are cut off and fail, bytes. */
  readonly maxResponseBytes: number;
}

export interface PostAnswer {
  readonly status: number;
  readonly body: string;
}

/** Resolves with any HTTP status; rejects on network failure, timeout or an oversized answer. */
export type PostJson = (url: URL, body: string, options: PostOptions) => Promise<PostAnswer>;

export const postJson: PostJson = (url, body, options) =>
  new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, {
      method: 'POST',
      headers: { ...options.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      ca: options.ca,
      timeout: options.timeoutMs,
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.origin} within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxResponseBytes) req.destroy(new Error(`answer from ${url.origin} over ${options.maxResponseBytes} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.end(body);
  });
