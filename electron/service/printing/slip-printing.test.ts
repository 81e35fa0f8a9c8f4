/**
 * Pickup slips through the real station service: a real printer device on an in-process line
 * to the ESC/POS printer simulator, which decodes every byte it is sent.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimOutcome } from '../../../common/lockers';
import { createPrinterDevice } from '../../../hardware/printer/printer-device';
import { PrinterSimulator } from '../../../hardware/printer/printer-simulator';
import { createTransportPair } from '../../../hardware/transport/memory-transport';
import { STANDARD_LAYOUT, useLockerStations, type LockerStation } from '../testing/locker-fixture';

const start = useLockerStations();

async function withPrinter(options: { noPrinter?: boolean } = {}) {
  const { host, device } = createTransportPair('/dev/ttyPRN', 'memory:printer');
  await device.open();
  const simulator = new PrinterSimulator(device, { replyDelayMs: 0 });
  simulator.start();
  const printer = createPrinterDevice({ id: 'slips', name: 'Slip printer', simulated: false, createTransport: () => host });
  const s = await start({
    layout: STANDARD_LAYOUT,
    settings: { stationName: { 'zh-CN': '朝阳驿站', en: 'Chaoyang station' } },
    service: { printer: options.noPrinter ? null : printer },
  });
  return { s, simulator };
}

async function guestClaim(s: LockerStation): Promise<Extract<ClaimOutcome, { kind: 'opened' }>> {
  const result = await s.service.api.claimLocker({ claimant: { kind: 'guest' }, cable: 'usb-c' });
  if (!result.ok || result.value.kind !== 'opened') throw new Error(JSON.stringify(result));
  return result.value;
}

describe('pickup slips', () => {
  it('prints the locker and code in the guest language while the door is open, twice at most, each on the record', async () => {
    const { s, simulator } = await withPrinter();
    const claim = await guestClaim(s);
    const input = { sessionId: claim.sessionId, lockerNumber: claim.lockerNumber, language: 'zh-CN' as const };
    expect(await s.service.api.printPickupSlip(input)).toEqual({ ok: true, value: { kind: 'printed' } });
    expect(simulator.lines).toEqual(['朝阳驿站', '储物柜', '1', '取件码', claim.pickupCode, '请保留此单，凭此单开柜']);
    expect(simulator.qrCodes).toEqual([`L1-${claim.pickupCode}`]);
    expect(await s.service.api.printPickupSlip({ ...input, language: 'en' })).toEqual({ ok: true, value: { kind: 'printed' } });
    expect(simulator.lines).toContain('Keep this slip; it opens your locker');
    expect(await s.service.api.printPickupSlip(input)).toEqual({ ok: true, value: { kind: 'limit' } });
    expect(simulator.cuts).toBe(2);
    expect(s.rows("SELECT kind, locker_number, session_id, detail FROM locker_events WHERE kind = 'code-reshown'")).toEqual([
      { kind: 'code-reshown', locker_number: 1, session_id: claim.sessionId, detail: '{"medium":"slip"}' },
      { kind: 'code-reshown', locker_number: 1, session_id: claim.sessionId, detail: '{"medium":"slip"}' },
    ]);
  });

  it('prints nothing once the door is shut, for another session or locker, or for a member (who has no code)', async () => {
    const { s, simulator } = await withPrinter();
    const claim = await guestClaim(s);
    const input = { sessionId: claim.sessionId, lockerNumber: claim.lockerNumber, language: 'en' as const };
    expect(await s.service.api.printPickupSlip({ ...input, sessionId: claim.sessionId + 1 })).toEqual({ ok: true, value: { kind: 'not-open' } });
    expect(await s.service.api.printPickupSlip({ ...input, lockerNumber: 2 })).toEqual({ ok: true, value: { kind: 'not-open' } });
    s.bus.closeDoor(1, 1);
    expect(await s.service.api.printPickupSlip(input)).toEqual({ ok: true, value: { kind: 'not-open' } });
    const member = await s.service.api.claimLocker({ claimant: { kind: 'member', cardPass: await s.pass() }, cable: 'usb-c' });
    if (!member.ok || member.value.kind !== 'opened') throw new Error(JSON.stringify(member));
    expect(await s.service.api.printPickupSlip({ sessionId: member.value.sessionId, lockerNumber: member.value.lockerNumber, language: 'en' })).toEqual({ ok: true, value: { kind: 'not-open' } });
    expect(simulator.commands).toEqual(simulator.commands.filter((c) => c.op === 'status-request'));
    expect(simulator.cuts).toBe(0);
  });

  it('says paper-out without counting against the guest twice, and shows the printer in device status', async () => {
    const { s, simulator } = await withPrinter();
    expect((await s.service.api.getDeviceStatus())).toMatchObject({ ok: true, value: [{ id: 'wall' }, { id: 'slips', kind: 'receipt-printer', name: 'Slip printer', state: 'online', detail: '' }] });
    const claim = await guestClaim(s);
    simulator.inject({ kind: 'paper-out' });
    const input = { sessionId: claim.sessionId, lockerNumber: claim.lockerNumber, language: 'en' as const };
    expect(await s.service.api.printPickupSlip(input)).toEqual({ ok: true, value: { kind: 'paper-out' } });
    const status = s.seen.filter((e) => e.event === 'deviceStatus').at(-1)?.payload;
    expect(status).toMatchObject({ devices: [{ id: 'wall' }, { id: 'slips', state: 'degraded', detail: 'out of paper (/dev/ttyPRN)' }] });
    simulator.clearFaults();
    expect(await s.service.api.printPickupSlip(input)).toEqual({ ok: true, value: { kind: 'printed' } });
  });

  it('answers no-printer on a station without one, and refuses a malformed request', async () => {
    const { s } = await withPrinter({ noPrinter: true });
    const claim = await guestClaim(s);
    expect(await s.service.api.printPickupSlip({ sessionId: claim.sessionId, lockerNumber: 1, language: 'en' })).toEqual({ ok: true, value: { kind: 'no-printer' } });
    expect(await s.service.api.printPickupSlip({ sessionId: 0, lockerNumber: 1, language: 'en' })).toMatchObject({ ok: false, code: 'invalid-argument' });
  });
});
