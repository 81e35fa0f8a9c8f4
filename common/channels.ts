/** IPC channel names, derived from the contract so they are never typed twice. */
import type { EventName, MethodName } from './contract';

export const METHOD_CHANNEL_PREFIX = 'station:call:';
export const EVENT_CHANNEL_PREFIX = 'station:event:';

export function methodChannel(method: MethodName): string {
  return `${METHOD_CHANNEL_PREFIX}${method}`;
}

export function eventChannel(event: EventName): string {
  return `${EVENT_CHANNEL_PREFIX}${event}`;
}
