/**
 * One JSON POST of a batch (see `http-request.ts`).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { sendRequest, type RequestOptions } from './http-request';

export type PostOptions = RequestOptions;

export interface PostAnswer {
  readonly status: number;
  /** Lower-case names; a 200 carries the collector's signature over the body. */
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Resolves with any HTTP status; rejects on network failure, timeout, a truncated or an oversized answer. */
export type PostJson = (url: URL, body: string, options: PostOptions) => Promise<PostAnswer>;

export const postJson: PostJson = async (url, body, options) => {
  const headers = { ...options.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  const answer = await sendRequest(url, 'POST', body, { ...options, headers });
  return { status: answer.status, headers: answer.headers, body: answer.body.toString('utf8') };
};
