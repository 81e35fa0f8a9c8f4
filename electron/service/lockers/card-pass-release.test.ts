/** A card pass released by the page (its screen has gone) opens nothing, at once. */
import { describe, expect, it } from 'vitest';
import { STANDARD_LAYOUT, useLockerStations } from '../testing/locker-fixture';

const start = useLockerStations();

describe('releaseCardPass', () => {
  it('voids that pass before it would expire; an unknown or spent pass gets the same answer', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const pass = await s.pass();
    expect(await s.service.api.releaseCardPass({ cardPass: pass })).toEqual({ ok: true, value: {} });
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: pass }, cable: 'usb-c' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await s.service.api.openMyLocker({ kind: 'member', cardPass: pass })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await s.service.api.releaseCardPass({ cardPass: pass })).toEqual({ ok: true, value: {} });
    expect(await s.service.api.releaseCardPass({ cardPass: 'f'.repeat(32) })).toEqual({ ok: true, value: {} });
    expect(await s.service.api.releaseCardPass({ cardPass: 'nope' } as never)).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(s.bus.opens).toEqual([]);
  });

  it('leaves a newer pass of the same card alone', async () => {
    const s = await start({ layout: STANDARD_LAYOUT });
    const old = await s.pass();
    const fresh = await s.pass();
    await s.service.api.releaseCardPass({ cardPass: old });
    expect(await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: fresh }, cable: 'usb-c' })).toMatchObject({ ok: true, value: { kind: 'opened', lockerNumber: 1 } });
  });
});
