import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CARD_A, CARD_B, STANDARD_LAYOUT, T0, useLockerStations } from '../../testing/locker-fixture';
import { useTempDirs } from '../../testing/temp-dirs';
import { csvField, toCsv } from './csv';
import { INSPECTION_ITEMS } from '../../../../common/inspection';
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
    expect(await s.service.api.listExportTables({ session })).toEqual({ ok: true, value: ['visits', 'locker-sessions', 'steward-actions', 'stock-history', 'inspections'] });
  });

  it('writes stock history and inspections for the period, one row per record and per item, notes quoted', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { stewardPin: '2468', stationId: 'st-7' } });
    const folder = temp.make();
    const session = await s.session();
    const WATER = 1;
    expect(await s.service.api.recordStock({ session, itemId: WATER, kind: 'count', quantity: 5, note: '=SUM(A1),"少了"' })).toMatchObject({ ok: true });
    vi.advanceTimersByTime(60_000);
    expect(await s.service.api.recordStock({ session, itemId: WATER, kind: 'restock', quantity: 20, note: null })).toMatchObject({ ok: true });
    const results = INSPECTION_ITEMS.map((item) => ({ item, passed: item !== 'microwave', note: item === 'microwave' ? '不加热, no heat' : null }));
    expect(await s.service.api.recordInspection({ session, results })).toMatchObject({ ok: true, value: { failed: 1 } });
    vi.advanceTimersByTime(DAY);
    const later = await s.session();
    // Outside the period: in neither file.
    expect(await s.service.api.recordStock({ session: later, itemId: WATER, kind: 'count', quantity: 3, note: null })).toMatchObject({ ok: true });
    expect(await s.service.api.recordInspection({ session: later, results: INSPECTION_ITEMS.map((item) => ({ item, passed: true, note: null })) })).toMatchObject({ ok: true });

    const answer = await s.service.api.exportCsv({ session: later, tables: ['stock-history', 'inspections'], fromMs: T0 - 60_000, toMs: T0 + DAY / 2, folder });
    const day = localTime(T0)?.slice(0, 10).replace(/-/g, '') ?? '';
    const stockPath = join(folder, `st-7-stock-history-${day}-${day}.csv`);
    const inspectionsPath = join(folder, `st-7-inspections-${day}-${day}.csv`);
    expect(answer).toEqual({
      ok: true,
      value: {
        files: [
          { table: 'stock-history', path: stockPath, rows: 2, bytes: readFileSync(stockPath).length },
          { table: 'inspections', path: inspectionsPath, rows: INSPECTION_ITEMS.length, bytes: readFileSync(inspectionsPath).length },
        ],
      },
    });
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const at = localTime(T0) ?? '';
    const at1 = localTime(T0 + 60_000) ?? '';
    expect(readFileSync(stockPath).toString('hex')).toBe(
      Buffer.concat([
        bom,
        Buffer.from(
          'record,when,item,item (English),kind,quantity,stock after,unit,steward,note\r\n' +
            `1,${at},饮用水,Drinking water,count,5,5,瓶,Station PIN,"'=SUM(A1),""少了"""\r\n` +
            `2,${at1},饮用水,Drinking water,restock,20,25,瓶,Station PIN,\r\n`,
          'utf8',
        ),
      ]).toString('hex'),
    );
    // The seven haves first, then the daily checks, as the console lists them.
    const items = INSPECTION_ITEMS.map((item) => `1,${at1},Station PIN,${item},${item === 'microwave' ? 'fail,"不加热, no heat"' : 'pass,'}\r\n`).join('');
    expect(items.startsWith(`1,${at1},Station PIN,site,pass,\r\n`)).toBe(true);
    expect(readFileSync(inspectionsPath).toString('hex')).toBe(Buffer.concat([bom, Buffer.from(`inspection,when,steward,item,result,note\r\n${items}`, 'utf8')]).toString('hex'));
  });
});
