/** One GET for the pulled configuration; a cut-off or oversized body fails (see `http-request.ts`). */
import { sendRequest, type RequestAnswer, type RequestOptions } from './http-request';

export type GetOptions = RequestOptions;
export type GetAnswer = RequestAnswer;

/** Resolves with any HTTP status; rejects on network failure, timeout, a truncated or an oversized body. */
export type GetBytes = (url: URL, options: GetOptions) => Promise<GetAnswer>;

export const getBytes: GetBytes = (url, options) => sendRequest(url, 'GET', undefined, options);
