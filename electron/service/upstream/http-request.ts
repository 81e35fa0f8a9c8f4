/**
 * One request over node:http / node:https (which, unlike fetch, take a private CA), shared by
 * the batch POST and the configuration GET. A body cut short (the connection closed before
 * `Content-Length` bytes) or over the size limit is a failure, never a shorter answer.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RequestOptions {
  readonly headers: Record<string, string>;
  /** PEM of the collector's certificate or CA. Default the system store. */
  readonly ca?: Buffer;
  /** Whole request budget, ms. */
  readonly timeoutMs: number;
  /** Longer answers are cut off and fail, bytes. */
  readonly maxResponseBytes: number;
}

export interface RequestAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Resolves with any HTTP status; rejects on network failure, timeout, a truncated or an oversized body. */
export function sendRequest(url: URL, method: 'GET' | 'POST', body: string | undefined, options: RequestOptions): Promise<RequestAnswer> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, { method, headers: options.headers, ca: options.ca, timeout: options.timeoutMs });
    const fail = (error: Error) => {
      req.destroy();
      reject(error);
    };
    req.on('timeout', () => fail(new Error(`no answer from ${url.origin} within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxResponseBytes) fail(new Error(`answer from ${url.origin} over ${options.maxResponseBytes} bytes`));
        else chunks.push(chunk);
      });
      res.on('error', (error) => fail(new Error(`the answer from ${url.origin} was cut off (${error.message})`)));
      res.on('close', () => {
        if (!res.complete) fail(new Error(`the answer from ${url.origin} was cut off after ${size} bytes`));
      });
      res.on('end', () => {
        if (res.complete) resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    req.end(body);
  });
}
