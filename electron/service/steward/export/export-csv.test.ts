import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CARD_A, CARD_B, STANDARD_LAYOUT, T0, useLockerStations } from '../../testing/locker-fixture';
import { useTempDirs } from '../../testing/temp-dirs';
import { csvField, toCsv } from './csv';
import { localTime } from './export-tables';

const start = useLockerStations();
const temp = useTempDirs('steward-export-');
const DAY = 24 * 60 * 60_000;

describe('csv', () => {
  it('BOM, CRLF, quotes doubled, formulas defused', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(-2)).toBe('-2');
    expect(csvField(null)).toBe('');
    expect(Buffer.from(toCsv(['a', '名字'], [[1, '王芳']]), 'utf8').toString('hex')).toBe(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,名字\r\n1,王芳\r\n', 'utf8')]).toString('hex'),
    );
  });
});

describe('exportCsv', () => {
  it('writes visits (pseudonymous) and the audit log for the period, with hostile text quoted, and audits the export', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { stewardPin: '2468', stationId: 'st-7' } });
    const folder = temp.make();
    await s.tap(CARD_A);
    vi.advanceTimersByTime(60_000);
    await s.service.api.guestCheckIn();
    const session = await s.session();
    const hostile = '=HYPERLINK("http://x"),\n"门坏了"';
    expect(await s.service.api.stewardLockerAction({ session, lockerNumber: 2, action: 'mark-faulty', reason: hostile })).toEqual({ ok: true, value: {} });
    vi.advanceTimersByTime(DAY);
    await s.tap(CARD_B); // outside the period
    // The first session ended by itself after 2 minutes (in the period, so in the file).
    const answer = await s.service.api.exportCsv({ session: await s.session(), tables: ['visits', 'steward-actions'], fromMs: T0 - 60_000, toMs: T0 + DAY / 2, folder });
    expect(answer.ok ? 'ok' : answer.message).toBe('ok');
    const day = localTime(T0)?.slice(0, 10).replace(/-/g, '') ?? '';
    const visitsPath = join(folder, `st-7-visits-${day}-${day}.csv`);
    const auditPath = join(folder, `st-7-steward-actions-${day}-${day}.csv`);
    expect(answer).toEqual({
      ok: true,
      value: {
        files: [
          { table: 'visits', path: visitsPath, rows: 2, bytes: readFileSync(visitsPath).length },
          { table: 'steward-actions', path: auditPath, rows: 3, bytes: readFileSync(auditPath).length },
        ],
      },
    });
    const bom = '\uFEFF';
    expect(readFileSync(visitsPath, 'utf8')).toBe(
      `${bom}visit,arrived,left,kind,worker,category,source\r\n` +
        `1,${localTime(T0)},,member,1,,wedge\r\n` +
        `2,${localTime(T0 + 60_000)},,guest,,,guest\r\n`,
    );
    expect(readFileSync(auditPath, 'utf8')).toBe(
      `${bom}when,steward,action,on,reason\r\n` +
        `${localTime(T0 + 60_000)},Station PIN,steward.sign-in,,\r\n` +
        `${localTime(T0 + 60_000)},Station PIN,locker.mark-faulty,locker 2,"'=HYPERLINK(""http://x""),\n""门坏了"""\r\n` +
        `${localTime(T0 + 180_000)},Station PIN,steward.sign-out,,120 s without a touch\r\n`,
    );
    expect(readFileSync(visitsPath).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // No card number and no card hash in any file.
    const hashes = s.rows<{ hash32: string | null; hash24: string | null }>('SELECT hash32, hash24 FROM cards');
    for (const file of readdirSync(folder)) {
      const text = readFileSync(join(folder, file), 'utf8');
      for (const secret of [CARD_A, String(Number(CARD_A)), ...hashes.flatMap((h) => [h.hash32, h.hash24]).filter((h): h is string => h !== null)]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(readdirSync(folder).sort()).toEqual([auditPath, visitsPath].map((p) => p.slice(folder.length + 1)).sort());
    expect(s.rows("SELECT action, subject FROM steward_actions WHERE action = 'export.csv'")).toEqual([{ action: 'export.csv', subject: `visits, steward-actions → ${folder}` }]);
  });

  it('a missing folder, a relative one, an unknown table or a period that ends first writes nothing; stewards only', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { stewardPin: '2468' } });
    const session = await s.session();
    const base = { session, tables: ['visits'], fromMs: T0, toMs: T0 + DAY };
    expect(await s.service.api.exportCsv({ ...base, folder: '/no/such/usb' })).toEqual({ ok: false, code: 'not-found', message: 'No folder /no/such/usb (is the USB stick plugged in?).' });
    expect(await s.service.api.exportCsv({ ...base, folder: 'usb' })).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(await s.service.api.exportCsv({ ...base, tables: ['wishes'], folder: temp.make() })).toEqual({ ok: false, code: 'invalid-argument', message: 'exportCsv: no table wishes' });
    expect(await s.service.api.exportCsv({ ...base, toMs: T0, folder: temp.make() })).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(await s.service.api.exportCsv({ ...base, session: 'A'.repeat(32), folder: temp.make() })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await s.service.api.listExportTables({ session })).toEqual({ ok: true, value: ['visits', 'locker-sessions', 'steward-actions'] });
  });
});
