import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardRead, CardReader } from '../drivers/card-reader/card-reader';
import type { CardReaderSimulator } from '../simulators/card-reader-simulator';
import { createCardReaders } from './create-readers';
import { parseDevicesConfig } from './device-config';

const readers: CardReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) await r.stop();
  vi.useRealTimers();
});

function config(json: unknown) {
  const result = parseDevicesConfig(json);
  if (!result.ok) throw new Error(result.message);
  return result.config;
}

describe('createCardReaders', () => {
  it('makes one reader per entry, unstarted, with ids, names and the simulated flag', () => {
    const made = createCardReaders(config({
      readers: [
        { id: 'door', name: 'Door', type: 'serial-em4100', path: '/dev/does-not-exist' },
        { id: 'desk', name: 'Desk', type: 'hid-keyboard', vendorId: 1, productId: 2 },
        { id: 'sim', name: 'Sim', type: 'simulated' },
      ],
    }));
    readers.push(...made);
    expect(made.map((r) => [r.id, r.name, r.simulated, r.state, r.detail])).toEqual([
      ['door', 'Door', false, 'offline', 'Not started.'],
      ['desk', 'Desk', false, 'offline', 'Not started.'],
      ['sim', 'Sim', true, 'offline', 'Not started.'],
    ]);
  });

  it('reports a configured serial reader that is not plugged in as offline, with the reason', async () => {
    const [door] = createCardReaders(config({ readers: [{ id: 'door', name: 'Door', type: 'serial-binary', path: '/dev/does-not-exist' }] }));
    if (!door) throw new Error('no reader');
    readers.push(door);
    const states: string[] = [];
    door.on('state', (s) => states.push(s));
    await door.start();
    const deadline = Date.now() + 2000;
    while (!door.detail.startsWith('Cannot open') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(door.state).toBe('offline');
    expect(door.detail).toMatch(/^Cannot open the reader: Cannot open \/dev\/does-not-exist: .* Retrying in 250 ms\.$/);
  });

  it('wires a simulated reader to its simulator', async () => {
    vi.useFakeTimers({ now: 0 });
    const simulators = new Map<string, CardReaderSimulator>();
    const [sim] = createCardReaders(config({ readers: [{ id: 'sim', name: 'Sim', type: 'simulated' }] }), {
      onSimulator: (id, s) => simulators.set(id, s),
    });
    if (!sim) throw new Error('no reader');
    readers.push(sim);
    const reads: CardRead[] = [];
    sim.on('read', (r) => reads.push(r));
    await sim.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sim.state).toBe('online');
    expect(sim.detail).toBe('Simulated reader (no hardware).');
    await simulators.get('sim')?.tap('0040856634', 'em4100');
    await vi.advanceTimersByTimeAsync(0);
    expect(reads.map((r) => r.card)).toEqual([{ kind: 'uid32', canonical: 'U026F6C3A', low24: 'L6F6C3A' }]);
  });
});
