import { describe, expect, it } from 'vitest';
import { checkInEvents, checkInMethods } from './check-in';
import { createStationClient, type SchemaSource } from './client';
import { EVENT_NAMES, METHOD_NAMES } from './contract';
import { EVENT_SECTIONS, loadSection, METHOD_SECTIONS, type SectionName } from './contract-sections';
import { ok } from './result';

const AVAILABILITY = { state: 'ready', free: [{ cable: 'usb-c', count: 3 }], maxMinutes: 240, doorsLeftOpen: [] };
const withFree = (count: number) => ({ ...AVAILABILITY, free: [{ cable: 'usb-c', count }] });

/** A schema source whose lazy sections load only when the test says so. */
function gatedSource() {
  const asked: SectionName[] = [];
  const gates: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const source: SchemaSource = (section) => {
    asked.push(section);
    if (section === 'checkIn') return { methods: checkInMethods, events: checkInEvents };
    return new Promise((resolve, reject) => {
      gates.push({ resolve: () => resolve(loadSection(section)), reject });
    });
  };
  return { source, asked, gates };
}

describe('contract sections', () => {
  it('file every method and event of the contract exactly once, each where its section declares it', async () => {
    expect(Object.keys(METHOD_SECTIONS).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(EVENT_SECTIONS).sort()).toEqual([...EVENT_NAMES].sort());
    for (const [method, section] of Object.entries(METHOD_SECTIONS)) {
      expect(Object.keys((await loadSection(section)).methods), method).toContain(method);
    }
    for (const [event, section] of Object.entries(EVENT_SECTIONS)) {
      expect(Object.keys((await loadSection(section)).events), event).toContain(event);
    }
  });
});

describe('station client with sections loaded on first use', () => {
  it('checks a check-in answer with the schemas it already has, asking for no other section', async () => {
    const { source, asked } = gatedSource();
    const client = createStationClient(async () => ok({ instance: 'abc' }), () => () => undefined, source);
    expect(await client.ping()).toEqual({ ok: true, value: { instance: 'abc' } });
    expect(await client.ping()).toEqual({ ok: true, value: { instance: 'abc' } });
    expect(asked).toEqual(['checkIn']);
  });

  it('loads a later section once for calls made while it loads, then checks each answer against it', async () => {
    const { source, asked, gates } = gatedSource();
    const answers = [ok(AVAILABILITY), ok({ ...AVAILABILITY, free: 'three' })];
    const client = createStationClient(async () => answers.shift(), () => () => undefined, source);
    const first = client.getLockerAvailability();
    const second = client.getLockerAvailability();
    await new Promise((r) => setTimeout(r, 0));
    expect(gates).toHaveLength(1);
    gates[0]?.resolve();
    expect(await first).toEqual({ ok: true, value: AVAILABILITY });
    expect(await second).toEqual({ ok: false, code: 'internal', message: 'getLockerAvailability: answer does not match the contract' });
    expect(asked).toEqual(['lockers']);
  });

  it('starts loading a later section when the call goes out, not after its answer arrives', async () => {
    const { source, asked, gates } = gatedSource();
    let answer: (value: unknown) => void = () => undefined;
    const client = createStationClient(() => new Promise((resolve) => (answer = resolve)), () => () => undefined, source);
    const pending = client.getLockerAvailability();
    expect(asked).toEqual(['lockers']);
    expect(gates).toHaveLength(1);
    gates[0]?.resolve();
    answer(ok(AVAILABILITY));
    expect(await pending).toEqual({ ok: true, value: AVAILABILITY });
  });

  it('answers unavailable when a section cannot load, and tries the load again on the next call', async () => {
    const { source, gates } = gatedSource();
    const client = createStationClient(async () => ok(AVAILABILITY), () => () => undefined, source);
    const failed = client.getLockerAvailability();
    await new Promise((r) => setTimeout(r, 0));
    gates[0]?.reject(new Error('chunk fetch failed'));
    expect(await failed).toEqual({ ok: false, code: 'unavailable', message: 'getLockerAvailability: contract section lockers did not load' });
    const retried = client.getLockerAvailability();
    await new Promise((r) => setTimeout(r, 0));
    expect(gates).toHaveLength(2);
    gates[1]?.resolve();
    expect(await retried).toEqual({ ok: true, value: AVAILABILITY });
  });

  it('holds events of a loading section and delivers the valid ones in order once it has loaded', async () => {
    const { source, gates } = gatedSource();
    let push: (payload: unknown) => void = () => undefined;
    const client = createStationClient(
      () => Promise.reject(new Error('no calls here')),
      (_event, listener) => {
        push = listener;
        return () => undefined;
      },
      source,
    );
    const heard: unknown[] = [];
    client.on('lockerAvailability', (payload) => heard.push(payload));
    push(withFree(1));
    push({ ...AVAILABILITY, state: 'bad' });
    push(withFree(2));
    expect(heard).toEqual([]);
    gates[0]?.resolve();
    await new Promise((r) => setTimeout(r, 0));
    push(withFree(3));
    expect(heard).toEqual([withFree(1), withFree(2), withFree(3)]);
    expect(gates).toHaveLength(1);
  });
});
