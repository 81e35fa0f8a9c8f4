/**
 * One suite, both adapters: whatever the page can observe through the browser host's
 * WebSocket it must observe identically through Electron IPC.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type EventName, type EventPayload, type StationClient } from '../../common/contract';
import type { Result } from '../../common/result';
import { startBrowserHarness, startElectronHarness, type Harness } from './harness';
import { ANSWERS, INVALID_ARGS, VALID_ARGS } from './station-service-double';

type AnyMethod = (arg?: unknown) => Promise<Result<unknown>>;

function callRaw(client: StationClient, method: (typeof METHOD_NAMES)[number], arg: unknown): Promise<Result<unknown>> {
  return (client[method] as AnyMethod)(arg);
}

/** Resolves with the next payload of `event`, or fails after a bounded wait. */
function nextEvent<E extends EventName>(client: StationClient, event: E, timeoutMs = 3_000): Promise<EventPayload<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${event} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = client.on(event, (payload) => {
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

const CHECK_IN: EventPayload<'checkIn'> = {
  deviceId: 'door',
  outcome: { kind: 'already-here', visitId: 3, visitNumber: 4, category: 'sanitation' },
};

describe.each([
  { adapter: 'browser host (WebSocket on 127.0.0.1)', start: startBrowserHarness },
  { adapter: 'Electron host (IPC double)', start: startElectronHarness },
])('station contract via $adapter', ({ start }) => {
  let h: Harness;

  beforeEach(async () => {
    h = await start();
    // One round trip so the transport is connected before events are emitted.
    expect((await h.client.getStationInfo()).ok).toBe(true);
  });

  afterEach(async () => {
    await h.close();
  });

  it.each(METHOD_NAMES)('%s round-trips a valid value', async (method) => {
    const result = await callRaw(h.client, method, VALID_ARGS[method]);
    expect(result).toEqual({ ok: true, value: ANSWERS[method] });
    expect(h.service.received[method]?.at(-1)).toEqual(VALID_ARGS[method]);
  });

  it.each(METHOD_NAMES)('%s refuses an invalid argument before the service sees it', async (method) => {
    const before = h.service.received[method]?.length ?? 0;
    const result = await callRaw(h.client, method, INVALID_ARGS[method]);
    expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(h.service.received[method]?.length ?? 0).toBe(before);
  });

  it('turns an error thrown in the service into an internal result', async () => {
    h.service.throwMessage = 'database is locked';
    const result = await h.client.submitWedgeRead({ text: '0012345678' });
    expect(result).toEqual({ ok: false, code: 'internal', message: 'database is locked' });
  });

  it('delivers service events to listeners and stops after unsubscribe', async () => {
    const dropped: unknown[] = [];
    const offDropped = h.client.on('checkIn', (p) => dropped.push(p));
    const first = nextEvent(h.client, 'checkIn');
    h.service.events.emit('checkIn', CHECK_IN);
    expect(await first).toEqual(CHECK_IN);
    expect(dropped).toEqual([CHECK_IN]);

    offDropped();
    const second = nextEvent(h.client, 'checkIn');
    h.service.events.emit('checkIn', { ...CHECK_IN, deviceId: 'side' });
    expect((await second).deviceId).toBe('side');
    // Both listeners would have been called in the same dispatch: the removed one was not.
    expect(dropped).toEqual([CHECK_IN]);
  });

  it('delivers each event kind only to its own listeners', async () => {
    const checkIns: unknown[] = [];
    h.client.on('checkIn', (p) => checkIns.push(p));
    const status = nextEvent(h.client, 'deviceStatus');
    h.service.events.emit('deviceStatus', { devices: ANSWERS.getDeviceStatus });
    expect(await status).toEqual({ devices: ANSWERS.getDeviceStatus });
    expect(checkIns).toEqual([]);
  });

  it('drops events whose payload fails the schema', async () => {
    const seen: unknown[] = [];
    h.client.on('cardError', (p) => seen.push(p));
    const valid = nextEvent(h.client, 'cardError');
    h.service.emitUnchecked('cardError', { deviceId: 'door', reason: 'on-fire' });
    h.service.emitUnchecked('cardError', { reason: 'unreadable' });
    h.service.events.emit('cardError', { deviceId: 'door', reason: 'unreadable' });
    expect(await valid).toEqual({ deviceId: 'door', reason: 'unreadable' });
    expect(seen).toEqual([{ deviceId: 'door', reason: 'unreadable' }]);
  });

  it('answers an answer that breaks the contract as internal, not as data', async () => {
    const api = h.service.api as unknown as Record<string, () => Promise<unknown>>;
    api.guestCheckIn = async () => ({ ok: true, value: { visitId: 'not a number' } });
    expect(await h.client.guestCheckIn()).toMatchObject({ ok: false, code: 'internal' });
  });
});
