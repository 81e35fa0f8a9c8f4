import { describe, expect, it } from 'vitest';
import { STANDARD_LAYOUT, T0, useLockerStations } from '../testing/locker-fixture';

const start = useLockerStations();
const PIN = '2468';
/** Lockers 1–4 on board 1 (which has the board command), 5–6 on board 2 (which does not). */
const TWO_BOARDS = [
  ...STANDARD_LAYOUT,
  { number: 5, bus: 'wall', board: 2, lock: 1, cable: 'usb-c' },
  { number: 6, bus: 'wall', board: 2, lock: 2, cable: 'usb-c' },
];
const BOARDS = { boards: [{ address: 1, channels: 8, openAll: true }, { address: 2, channels: 8 }] };

describe('emergency open all', () => {
  it('sends the board command where the board has it, one lock at a time elsewhere, and retries what the board left shut', async () => {
    const s = await start({ layout: TWO_BOARDS, settings: { stewardPin: PIN }, bus: BOARDS });
    s.bus.jam(1, 3);
    const result = await s.service.api.openAllLockers({ session: await s.session(), confirm: 'open-all', reason: 'fire alarm' });
    expect(result).toEqual({
      ok: true,
      value: {
        opened: [1, 2, 4, 5, 6],
        failed: [{ lockerNumber: 3, reason: 'jammed' }],
        boards: [
          { bus: 'wall', board: 1, method: 'board-command', commandUnanswered: false, lockers: [1, 2, 3, 4] },
          { bus: 'wall', board: 2, method: 'one-by-one', commandUnanswered: false, lockers: [5, 6] },
        ],
      },
    });
    expect(s.bus.boardOpens).toEqual([1]);
    // Only the jammed lock of board 1 was tried on its own; board 2's locks each once.
    expect(s.bus.opens).toEqual([{ board: 1, lock: 3, ok: false }, { board: 2, lock: 1, ok: true }, { board: 2, lock: 2, ok: true }]);
    expect(s.rows("SELECT locker_number, detail FROM locker_events WHERE kind = 'opened' ORDER BY locker_number")).toEqual([
      { locker_number: 1, detail: '{"purpose":"steward","method":"board-command","elapsedMs":40}' },
      { locker_number: 2, detail: '{"purpose":"steward","method":"board-command","elapsedMs":40}' },
      { locker_number: 4, detail: '{"purpose":"steward","method":"board-command","elapsedMs":40}' },
      { locker_number: 5, detail: '{"purpose":"steward","attempts":1,"elapsedMs":12}' },
      { locker_number: 6, detail: '{"purpose":"steward","attempts":1,"elapsedMs":12}' },
    ]);
    expect(s.rows('SELECT at_ms, action, subject, reason FROM steward_actions ORDER BY id').filter((r) => String((r as { action: string }).action).startsWith('locker.open-all'))).toEqual([
      { at_ms: T0, action: 'locker.open-all', subject: 'every locker', reason: 'fire alarm' },
      { at_ms: T0, action: 'locker.open-all.done', subject: '5 opened, 1 not', reason: null },
    ]);
  });

  it('falls back to one lock at a time when the board does not answer its command', async () => {
    const s = await start({ layout: STANDARD_LAYOUT, settings: { stewardPin: PIN }, bus: { boards: [{ address: 1, channels: 8, openAll: true }] } });
    s.bus.silenceBoard(1, true, false);
    const result = await s.service.api.openAllLockers({ session: await s.session(), confirm: 'open-all', reason: 'drill' });
    expect(result).toMatchObject({ ok: true, value: { opened: [], boards: [{ bus: 'wall', board: 1, method: 'one-by-one', commandUnanswered: true, lockers: [1, 2, 3, 4] }] } });
    expect(s.bus.boardOpens).toEqual([1]);
    expect(s.bus.opens.map((o) => o.lock)).toEqual([1, 2, 3, 4]);
  });

  it('a locker on an offline board is reported, and its board gets no command', async () => {
    const s = await start({ layout: TWO_BOARDS, settings: { stewardPin: PIN }, bus: { boards: [{ address: 1, channels: 8, openAll: true }, { address: 2, channels: 8, openAll: true }] } });
    s.bus.silenceBoard(2);
    const result = await s.service.api.openAllLockers({ session: await s.session(), confirm: 'open-all', reason: 'drill' });
    expect(result).toMatchObject({
      ok: true,
      value: {
        opened: [1, 2, 3, 4],
        failed: [{ lockerNumber: 5, reason: 'offline' }, { lockerNumber: 6, reason: 'offline' }],
        boards: [
          { bus: 'wall', board: 1, method: 'board-command', commandUnanswered: false, lockers: [1, 2, 3, 4] },
          { bus: 'wall', board: 2, method: 'one-by-one', commandUnanswered: false, lockers: [5, 6] },
        ],
      },
    });
    expect(s.bus.boardOpens).toEqual([1]);
    expect(s.bus.opens).toEqual([]);
  });
});
