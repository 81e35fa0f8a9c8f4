import { describe, expect, it } from 'vitest';
import { low24, uid32 } from '../../hardware/card-id/normalise';
import type { NormalisedCard } from '../../hardware/card-id/card-id';
import { MINUTE, useCheckInFixture } from './testing/check-in-fixture';

const setup = useCheckInFixture();

/** UID 02 6F 6C 3A, as the README's format table. */
const CARD = uid32(0x026f6c3a);
/** The same card read by a W26 reader: only the low 24 bits. */
const CARD_W26 = low24(0x6f6c3a);
const OTHER = uid32(0x11223344);
const TOKEN: NormalisedCard = { kind: 'token', canonical: 'T:MEMBER:ab-12' };

interface VisitRow {
  id: number;
  card_id: number | null;
  kind: string;
  arrived_ms: number;
  last_tap_ms: number;
  left_ms: number | null;
  source: string;
  device_id: string;
}

describe('card tap', () => {
  it('a first tap is a welcome, visit 1, asking for the category; the rows say exactly that', () => {
    const f = setup();
    const t0 = f.clock.ms;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toEqual({ kind: 'welcome', visitId: 1, visitNumber: 1, needsCategory: true, category: null });
    expect(f.rows('SELECT * FROM cards')).toEqual([
      { id: 1, hash32: f.hash('U026F6C3A'), hash24: f.hash('L6F6C3A'), category: null, category_chosen: 0, first_seen_ms: t0, visit_count: 1 },
    ]);
    expect(f.rows('SELECT * FROM visits')).toEqual([
      { id: 1, card_id: 1, kind: 'member', arrived_ms: t0, last_tap_ms: t0, left_ms: null, source: 'reader', device_id: 'door' },
    ]);
  });

  it('a tap within the window after the last tap is the same visit; 31 min after the last tap is a new one', () => {
    const f = setup();
    const t0 = f.clock.ms;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door').kind).toBe('welcome');
    f.clock.ms = t0 + 29 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'wedge', 'wedge')).toEqual({ kind: 'already-here', visitId: 1, visitNumber: 1, category: null });
    // 31 min after the last tap (60 after arrival): the window runs from the last tap, so this is new.
    f.clock.ms = t0 + 60 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toEqual({ kind: 'welcome', visitId: 2, visitNumber: 2, needsCategory: true, category: null });
    expect(f.rows<VisitRow>('SELECT id, arrived_ms, last_tap_ms, source FROM visits')).toEqual([
      { id: 1, arrived_ms: t0, last_tap_ms: t0 + 29 * MINUTE, source: 'reader' },
      { id: 2, arrived_ms: t0 + 60 * MINUTE, last_tap_ms: t0 + 60 * MINUTE, source: 'reader' },
    ]);
    expect(f.rows('SELECT visit_count FROM cards')).toEqual([{ visit_count: 2 }]);
  });

  it('measures the window as [last tap, last tap + window): exactly 30 min later is a new visit', () => {
    const f = setup();
    f.checkIn.tapCard(CARD, 'reader', 'door');
    f.clock.ms += 30 * MINUTE - 1;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door').kind).toBe('already-here');
    f.clock.ms += 30 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toMatchObject({ kind: 'welcome', visitNumber: 2 });
  });

  it('with a window of 0 every tap is a new visit', () => {
    const f = setup({ duplicateWindowMinutes: 0 });
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toMatchObject({ kind: 'welcome', visitId: 1, visitNumber: 1 });
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toMatchObject({ kind: 'welcome', visitId: 2, visitNumber: 2 });
  });

  it('different cards are different workers', () => {
    const f = setup();
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toMatchObject({ kind: 'welcome', visitId: 1, visitNumber: 1 });
    expect(f.checkIn.tapCard(OTHER, 'reader', 'door')).toMatchObject({ kind: 'welcome', visitId: 2, visitNumber: 1 });
    expect(f.checkIn.tapCard(TOKEN, 'wedge', 'wedge')).toMatchObject({ kind: 'welcome', visitId: 3, visitNumber: 1 });
    expect(f.rows('SELECT id, hash32, hash24 FROM cards WHERE id = 3')).toEqual([{ id: 3, hash32: f.hash('T:MEMBER:ab-12'), hash24: null }]);
  });
});

describe('tap-out', () => {
  it('a tap inside the window after the minimum stay says goodbye with the dwell time and closes the visit', () => {
    const f = setup({ tapOutEnabled: true, minStayBeforeTapOutMinutes: 2 });
    const t0 = f.clock.ms;
    f.checkIn.tapCard(CARD, 'reader', 'door');
    f.clock.ms = t0 + 1 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toEqual({ kind: 'already-here', visitId: 1, visitNumber: 1, category: null });
    f.clock.ms = t0 + 17 * MINUTE + 59_000;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toEqual({ kind: 'goodbye', visitId: 1, dwellMinutes: 17 });
    expect(f.rows('SELECT arrived_ms, left_ms FROM visits')).toEqual([{ arrived_ms: t0, left_ms: t0 + 17 * MINUTE + 59_000 }]);

    // A second tap straight after the goodbye repeats it rather than opening a visit.
    f.clock.ms += 1 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toEqual({ kind: 'goodbye', visitId: 1, dwellMinutes: 17 });
    // Coming back later is a new visit.
    f.clock.ms += 5 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toMatchObject({ kind: 'welcome', visitId: 2, visitNumber: 2 });
    expect(f.rows('SELECT id, left_ms FROM visits')).toEqual([
      { id: 1, left_ms: t0 + 17 * MINUTE + 59_000 },
      { id: 2, left_ms: null },
    ]);
  });

  it('when tap-out is off the same tap is only "already here" and nothing is closed', () => {
    const f = setup({ tapOutEnabled: false });
    f.checkIn.tapCard(CARD, 'reader', 'door');
    f.clock.ms += 10 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door').kind).toBe('already-here');
    expect(f.rows('SELECT left_ms FROM visits')).toEqual([{ left_ms: null }]);
  });
});

describe('clock going backwards', () => {
  it('a tap earlier than the last one counts as within the window, and later taps use the new clock', () => {
    const f = setup();
    const t0 = f.clock.ms;
    f.checkIn.tapCard(CARD, 'reader', 'door');
    f.clock.ms = t0 - 3 * 60 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toEqual({ kind: 'already-here', visitId: 1, visitNumber: 1, category: null });
    expect(f.rows('SELECT last_tap_ms FROM visits')).toEqual([{ last_tap_ms: t0 - 3 * 60 * MINUTE }]);
    f.clock.ms += 31 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toMatchObject({ kind: 'welcome', visitNumber: 2 });
  });

  it('never says goodbye with a negative stay', () => {
    const f = setup({ tapOutEnabled: true, minStayBeforeTapOutMinutes: 0 });
    const t0 = f.clock.ms;
    f.checkIn.tapCard(CARD, 'reader', 'door');
    f.clock.ms = t0 - 10 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door').kind).toBe('already-here');
    f.clock.ms = t0 + 5 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toEqual({ kind: 'goodbye', visitId: 1, dwellMinutes: 5 });
    f.clock.ms = t0 - 20 * MINUTE;
    // Right after the goodbye, on a clock that jumped back: still the goodbye, still not negative.
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toEqual({ kind: 'goodbye', visitId: 1, dwellMinutes: 5 });
  });
});

describe('24-bit reads (W26, 8-digit decimal)', () => {
  it('a low-24 read finds the card first seen with its full UID', () => {
    const f = setup();
    f.checkIn.tapCard(CARD, 'reader', 'door');
    f.clock.ms += 5 * MINUTE;
    expect(f.checkIn.tapCard(CARD_W26, 'wedge', 'wedge')).toEqual({ kind: 'already-here', visitId: 1, visitNumber: 1, category: null });
    f.clock.ms += 60 * MINUTE;
    expect(f.checkIn.tapCard(CARD_W26, 'wedge', 'wedge')).toMatchObject({ kind: 'welcome', visitId: 2, visitNumber: 2 });
    expect(f.rows('SELECT count(*) AS n FROM cards')).toEqual([{ n: 1 }]);
  });

  it('a card first seen as low-24 only is upgraded when its full UID is read, and stays one card', () => {
    const f = setup();
    const t0 = f.clock.ms;
    f.checkIn.tapCard(CARD_W26, 'wedge', 'wedge');
    expect(f.rows('SELECT id, hash32, hash24 FROM cards')).toEqual([{ id: 1, hash32: null, hash24: f.hash('L6F6C3A') }]);
    f.clock.ms += 60 * MINUTE;
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toMatchObject({ kind: 'welcome', visitNumber: 2 });
    expect(f.rows('SELECT id, hash32, hash24, first_seen_ms FROM cards')).toEqual([
      { id: 1, hash32: f.hash('U026F6C3A'), hash24: f.hash('L6F6C3A'), first_seen_ms: t0 },
    ]);
    f.clock.ms += 60 * MINUTE;
    expect(f.checkIn.tapCard(CARD_W26, 'wedge', 'wedge')).toMatchObject({ kind: 'welcome', visitNumber: 3 });
  });

  it('a different full UID sharing the low 24 bits of a known card is a different card', () => {
    const f = setup();
    f.checkIn.tapCard(CARD, 'reader', 'door');
    const sameLow = uid32(0xff6f6c3a);
    expect(f.checkIn.tapCard(sameLow, 'reader', 'door')).toMatchObject({ kind: 'welcome', visitId: 2, visitNumber: 1 });
    expect(f.rows('SELECT count(*) AS n FROM cards')).toEqual([{ n: 2 }]);
    // A low-24 read now matches the card seen most recently.
    expect(f.checkIn.tapCard(CARD_W26, 'wedge', 'wedge')).toMatchObject({ kind: 'already-here', visitId: 2 });
  });
});

describe('worker category', () => {
  it('a chosen category is remembered and not asked again', () => {
    const f = setup({ duplicateWindowMinutes: 0 });
    f.checkIn.tapCard(CARD, 'reader', 'door');
    expect(f.checkIn.setWorkerCategory(1, 'courier')).toBe('ok');
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toEqual({ kind: 'welcome', visitId: 2, visitNumber: 2, needsCategory: false, category: 'courier' });
    expect(f.rows('SELECT category, category_chosen FROM cards')).toEqual([{ category: 'courier', category_chosen: 1 }]);
  });

  it('a skip is remembered too (no category, not asked again); a later skip keeps a chosen category', () => {
    const f = setup({ duplicateWindowMinutes: 0 });
    f.checkIn.tapCard(CARD, 'reader', 'door');
    expect(f.checkIn.setWorkerCategory(1, null)).toBe('ok');
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toEqual({ kind: 'welcome', visitId: 2, visitNumber: 2, needsCategory: false, category: null });
    expect(f.rows('SELECT category, category_chosen FROM cards')).toEqual([{ category: null, category_chosen: 1 }]);
    expect(f.checkIn.setWorkerCategory(2, 'sanitation')).toBe('ok');
    expect(f.checkIn.setWorkerCategory(2, null)).toBe('ok');
    expect(f.rows('SELECT category, category_chosen FROM cards')).toEqual([{ category: 'sanitation', category_chosen: 1 }]);
  });

  it('the category shows on an already-here tap', () => {
    const f = setup();
    f.checkIn.tapCard(CARD, 'reader', 'door');
    f.checkIn.setWorkerCategory(1, 'food-delivery');
    expect(f.checkIn.tapCard(CARD, 'reader', 'door')).toEqual({ kind: 'already-here', visitId: 1, visitNumber: 1, category: 'food-delivery' });
  });

  it('an unknown visit and a guest visit are refused, and nothing changes', () => {
    const f = setup();
    expect(f.checkIn.setWorkerCategory(99, 'courier')).toBe('not-found');
    const guest = f.checkIn.guestCheckIn('screen');
    expect(f.checkIn.setWorkerCategory(guest.visitId, 'courier')).toBe('guest-visit');
    expect(f.rows('SELECT count(*) AS n FROM cards')).toEqual([{ n: 0 }]);
  });
});

describe('guests', () => {
  it('are counted per local day, starting again after local midnight', () => {
    const f = setup({}, new Date(2025, 2, 10, 23, 58).getTime());
    expect(f.checkIn.guestCheckIn('screen')).toEqual({ visitId: 1, guestVisitsToday: 1 });
    f.checkIn.tapCard(CARD, 'reader', 'door'); // members are not guests
    f.clock.ms = new Date(2025, 2, 10, 23, 59, 59, 999).getTime();
    expect(f.checkIn.guestCheckIn('screen')).toEqual({ visitId: 3, guestVisitsToday: 2 });
    f.clock.ms = new Date(2025, 2, 11, 0, 0).getTime();
    expect(f.checkIn.guestCheckIn('screen')).toEqual({ visitId: 4, guestVisitsToday: 1 });
    expect(f.rows<VisitRow>("SELECT id, card_id, kind, source, device_id, left_ms FROM visits WHERE kind = 'guest'")).toEqual([
      { id: 1, card_id: null, kind: 'guest', source: 'guest', device_id: 'screen', left_ms: null },
      { id: 3, card_id: null, kind: 'guest', source: 'guest', device_id: 'screen', left_ms: null },
      { id: 4, card_id: null, kind: 'guest', source: 'guest', device_id: 'screen', left_ms: null },
    ]);
  });
});

describe('join interest', () => {
  it('is one events row with where it came from', () => {
    const f = setup();
    f.checkIn.registerJoinInterest('guest');
    expect(f.rows('SELECT * FROM events')).toEqual([{ id: 1, kind: 'join-interest', detail: '{"from":"guest"}', at_ms: f.clock.ms }]);
  });
});
