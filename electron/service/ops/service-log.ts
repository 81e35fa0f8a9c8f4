/**
 * How the station service feeds its structured log: the same warning/error callbacks as
 * before, also written to the log; one line per check-in outcome (kind, device, visit id —
 * never the card); one line per refused API call (method and code). Without a log, each
 * helper returns its input unchanged.
 */
import type { StationApi } from '../../../common/contract';
import type { CheckInOutcome } from '../../../common/domain';
import type { StationLog } from './station-log';

export type { StationLog } from './station-log';

export interface ServiceLog {
  warn(next: (message: string) => void): (message: string) => void;
  error(next: (message: string) => void): (message: string) => void;
  checkIn(source: 'reader' | 'wedge', deviceId: string, outcome: CheckInOutcome): void;
  storageFailure(error: unknown): void;
  api(api: StationApi): StationApi;
}

export function withLog(log: StationLog | undefined): ServiceLog {
  if (!log) {
    return { warn: (next) => next, error: (next) => next, checkIn: () => {}, storageFailure: () => {}, api: (api) => api };
  }
  return {
    warn: (next) => (message) => {
      log.warn({ event: 'warning' }, message);
      next(message);
    },
    error: (next) => (message) => {
      log.error({ event: 'error' }, message);
      next(message);
    },
    checkIn(source, deviceId, outcome) {
      log.info({ event: 'check-in', source, deviceId, outcome: outcome.kind, visitId: 'visitId' in outcome ? outcome.visitId : null }, 'check-in');
    },
    storageFailure(error) {
      log.error({ event: 'storage', code: (error as { code?: unknown } | null)?.code ?? null }, error instanceof Error ? error.message : String(error));
    },
    api(api) {
      const wrapped: Record<string, (...args: never[]) => Promise<unknown>> = {};
      for (const [name, method] of Object.entries(api) as [string, (...args: never[]) => Promise<{ ok: boolean; code?: string; message?: string }>][]) {
        wrapped[name] = async (...args) => {
          const result = await method(...args);
          // Refusals only: a busy station answers thousands of calls an hour.
          if (!result.ok) log.info({ event: 'refused', method: name, code: result.code }, result.message ?? '');
          return result;
        };
      }
      return wrapped as unknown as StationApi;
    },
  };
}
