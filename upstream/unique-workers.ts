/**
 * District-wide unique workers: the `workers.daily` sketches of every station (or the ones
 * named) for days of one pseudonym month, merged register-wise. Sketches of different months
 * use different pseudonym keys and cannot be merged, so a range is always within one month.
 */
import { decodeSketch, emptySketch, estimateDistinct, HLL_STANDARD_ERROR, mergeInto } from '../common/hyperloglog';
import type { SqlClient } from './db/sql';

export interface UniqueWorkersQuery {
  /** `YYYY-MM`: the pseudonym month. */
  readonly pseudonymPeriod: string;
  /** Inclusive local day labels' date part, `YYYY-MM-DD`; default the whole month. */
  readonly fromDay?: string;
  readonly toDay?: string;
  /** Only these stations; default all. */
  readonly stationIds?: readonly string[];
}

export interface UniqueWorkers {
  /** Estimated distinct workers across the sketches merged. */
  readonly estimate: number;
  /** Relative standard error of `estimate` (≈ 0.016). */
  readonly standardError: number;
  /** Station-day sketches merged. */
  readonly sketches: number;
  readonly stations: number;
}

export async function uniqueWorkers(db: SqlClient, query: UniqueWorkersQuery): Promise<UniqueWorkers> {
  const rows = await db.query<{ station_id: string; registers: string }>(
    `SELECT station_id, payload->>'registers' AS registers FROM items
     WHERE kind = 'workers.daily' AND payload->>'pseudonymPeriod' = $1
       AND left(payload->'period'->>'label', 10) BETWEEN $2 AND $3
       AND ($4::text[] IS NULL OR station_id = ANY($4::text[]))`,
    [query.pseudonymPeriod, query.fromDay ?? `${query.pseudonymPeriod}-01`, query.toDay ?? `${query.pseudonymPeriod}-31`, query.stationIds ?? null],
  );
  const merged = emptySketch();
  const stations = new Set<string>();
  for (const row of rows) {
    // Validated on arrival; a row that does not decode is left out rather than guessed at.
    const sketch = decodeSketch(row.registers);
    if (!sketch) continue;
    mergeInto(merged, sketch);
    stations.add(row.station_id);
  }
  return { estimate: estimateDistinct(merged), standardError: HLL_STANDARD_ERROR, sketches: rows.length, stations: stations.size };
}
