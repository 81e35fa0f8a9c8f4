/**
 * Answers `getScreenDimming` from the station's `nightDimming` setting. The page does the
 * dimming (renderer/kiosk/): the service only says when, so both hosts dim alike.
 */
import type { MethodOutput } from '../../../common/contract';
import { ok, type Result } from '../../../common/result';
import type { StationConfig } from '../station-config';

export interface ScreenDimmingService {
  readonly api: { getScreenDimming(): Promise<Result<MethodOutput<'getScreenDimming'>>> };
}

export function createScreenDimmingService(config: Pick<StationConfig, 'nightDimming'>): ScreenDimmingService {
  const schedule = config.nightDimming;
  const answer = { schedule: schedule === null ? null : { from: schedule.from, to: schedule.to, level: schedule.level, wakeSeconds: schedule.wakeSeconds } };
  return { api: { getScreenDimming: async () => ok(answer) } };
}
