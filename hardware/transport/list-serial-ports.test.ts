import { afterEach, describe, expect, it } from 'vitest';
import { listSerialPorts } from './list-serial-ports';

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('listSerialPorts', () => {
  it('lists the real ports of this machine', async () => {
    const result = await listSerialPorts();
    expect(result.ok).toBe(true);
    if (result.ok) for (const port of result.ports) expect(typeof port.path).toBe('string');
  });

  it('reports a plain reason, not a crash, when udevadm cannot be run (real serialport)', async () => {
    process.env.PATH = '/nonexistent';
    const result = await listSerialPorts();
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^Cannot list serial ports: .*udevadm/) });
  });

  it('reports a rejection or a nonsense answer from the OS', async () => {
    expect(await listSerialPorts(() => Promise.reject(new Error('registry locked')))).toEqual({ ok: false, reason: 'Cannot list serial ports: registry locked' });
    expect(await listSerialPorts(() => Promise.resolve(null as unknown as unknown[]))).toEqual({ ok: false, reason: 'Cannot list serial ports: the OS returned no list' });
  });

  it('keeps only entries with a path, and only string fields', async () => {
    const result = await listSerialPorts(async () => [{ path: '/dev/ttyUSB0', vendorId: '1a86', pnpId: 7 }, { nope: 1 }, null]);
    expect(result).toEqual({ ok: true, ports: [{ path: '/dev/ttyUSB0', vendorId: '1a86' }] });
  });
});
