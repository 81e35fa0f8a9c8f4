/**
 * Messages of the browser host's loopback WebSocket (`/api?token=…`). The page sends calls;
 * the service answers each by id and pushes events. Every message is one JSON text frame.
 */
import { z } from 'zod/mini';

/** Largest message either side accepts, in bytes; anything bigger closes the socket. */
export const MAX_SOCKET_MESSAGE_BYTES = 256 * 1024;

/** Path of the WebSocket endpoint; the per-boot token travels as the `token` query value. */
export const SOCKET_PATH = '/api';

/** Name of the `<meta>` element through which the host hands the page its token. */
export const TOKEN_META_NAME = 'station-token';

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
