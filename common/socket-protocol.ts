/**
 * Messages of the browser host's loopback WebSocket (`/api?token=…`). The page sends calls;
 * the service answers each by id and pushes events. Every message is one JSON text frame.
 */
import * as z from 'zod/mini';

/** Largest message either side accepts, in bytes; anything bigger closes the socket. */
export const MAX_SOCKET_MESSAGE_BYTES = 256 * 1024;

/** Path of the WebSocket endpoint; the screen token travels as the `token` query value. */
export const SOCKET_PATH = '/api';

/** Key of the screen token in the page's URL fragment: `http://127.0.0.1:PORT/#token=…`. */
export const TOKEN_FRAGMENT_KEY = 'token';

/** Key under which the page keeps the token in `sessionStorage`, so a reload still connects. */
export const TOKEN_STORAGE_KEY = 'station-screen-token';

export const clientMessageSchema = z.object({
  type: z.literal('call'),
  id: z.int().check(z.nonnegative()),
  method: z.string().check(z.maxLength(64)),
  arg: z.optional(z.unknown()),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.int().check(z.nonnegative()), result: z.unknown() }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
