/**
 * `exportCsv`: the chosen tables for the chosen period, one file each, into a folder the
 * steward names (a USB stick's mount point, say). Each file is written to a temporary name,
 * fsynced and renamed, so a stick pulled out mid-write leaves no half file under the real
 * name. A folder that is not there, not a folder, or not writable is a clear answer, and
 * nothing is written then.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { stationMethods, type MethodInput, type MethodOutput } from '../../../../common/contract';
import { err, ok, type Result } from '../../../../common/result';
import type { StewardAccess } from '../steward-access';
import { toCsv } from './csv';
import { EXPORT_TABLES, localTime } from './export-tables';

export interface ExportDeps {
  readonly db: Database;
  readonly access: StewardAccess;
  readonly stationId: string;
}

export function listExportTables(input: MethodInput<'listExportTables'>, deps: ExportDeps): Result<MethodOutput<'listExportTables'>> {
  const parsed = stationMethods.listExportTables.input.safeParse(input);
  if (!parsed.success) return err('invalid-argument', 'listExportTables: a steward session is required');
  const who = deps.access.authorise(parsed.data.session);
  if (!who.ok) return who;
  return ok(EXPORT_TABLES.map((t) => t.id));
}

export function exportCsv(input: MethodInput<'exportCsv'>, deps: ExportDeps): Result<MethodOutput<'exportCsv'>> {
  const parsed = stationMethods.exportCsv.input.safeParse(input);
  if (!parsed.success) return err('invalid-argument', 'exportCsv: session, tables, fromMs < toMs and an absolute folder are required');
  const { session, tables, fromMs, toMs, folder } = parsed.data;
  const who = deps.access.authorise(session);
  if (!who.ok) return who;
  if (fromMs >= toMs) return err('invalid-argument', 'exportCsv: the period must end after it starts');
  const chosen = tables.map((id) => EXPORT_TABLES.find((t) => t.id === id));
  const unknown = tables.filter((_, i) => chosen[i] === undefined);
  if (unknown.length > 0) return err('invalid-argument', `exportCsv: no table ${unknown.join(', ')}`);
  if (!isAbsolute(folder)) return err('invalid-argument', 'exportCsv: the folder must be an absolute path');
  try {
    if (!statSync(folder).isDirectory()) return err('not-found', `${folder} is not a folder.`);
  } catch {
    return err('not-found', `No folder ${folder} (is the USB stick plugged in?).`);
  }
  const day = (ms: number) => (localTime(ms) ?? '').slice(0, 10).replace(/-/g, '');
  const files: MethodOutput<'exportCsv'>['files'] = [];
  for (const table of chosen) {
    if (!table) continue;
    const rows = [...table.rows(deps.db, fromMs, toMs)];
    const bytes = Buffer.from(toCsv(table.header, rows), 'utf8');
    const path = join(folder, `${deps.stationId}-${table.id}-${day(fromMs)}-${day(toMs - 1)}.csv`);
    try {
      writeDurably(path, bytes);
    } catch (error) {
      return err('unavailable', `Could not write ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    files.push({ table: table.id, path, rows: rows.length, bytes: bytes.length });
  }
  deps.access.audit({ steward: who.value, action: 'export.csv', subject: `${tables.join(', ')} → ${folder}`, reason: null });
  return ok({ files });
}

function writeDurably(path: string, bytes: Buffer): void {
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
}
