import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../codecs/framer';
import { createTransportPair } from '../transport/memory-transport';
import { CardReaderSimulator, encodeTap } from './card-reader-simulator';

describe('card reader simulator', () => {
  it('encodes one card in each wire format', () => {
    expect(toHex(encodeTap('0040856634', 'em4100'))).toBe('02 30 30 30 32 36 46 36 43 33 41 33 42 03'); // 00^02^6F^6C^3A = 3B
    expect(encodeTap('01026F6C3A', 'binary')).toEqual(fromHex('02 0A 02 01 02 6F 6C 3A 32 03'));
    expect(encodeTap('00623,27706', 'binary')).toEqual(fromHex('02 09 01 02 6F 6C 3A 33 03'));
    expect(encodeTap(' MEMBER:1 ', 'qr')).toEqual(Uint8Array.from([...'MEMBER:1\r'].map((c) => c.charCodeAt(0))));
  });

  it('refuses cards a format cannot carry', () => {
    expect(() => encodeTap('111,27706', 'em4100')).toThrow(TypeError);
    expect(() => encodeTap('MEMBER:1', 'binary')).toThrow(TypeError);
  });

  it('writes faults: bad checksum, truncation, garbage in 0x80–0xFF', async () => {
    const { host, device } = createTransportPair();
    await host.open();
    await device.open();
    const got: number[] = [];
    host.on('data', (c) => got.push(...c));
    let i = 0;
    const sim = new CardReaderSimulator(device, { random: () => [0, 0.5, 0.999][i++ % 3] ?? 0 });
    const bad = await sim.tap('01026F6C3A', 'binary', { kind: 'bad-checksum' });
    expect(toHex(bad)).toBe('02 0A 02 01 02 6F 6C 3A CD 03');
    const em = await sim.tap('01026F6C3A', 'em4100', { kind: 'bad-checksum' });
    expect(String.fromCharCode(...em.subarray(11, 13))).toBe('30'); // true checksum "3A"
    expect(await sim.tap('01026F6C3A', 'em4100', { kind: 'truncated', bytes: 3 })).toEqual(fromHex('02 30 31'));
    expect(await sim.garbage(3)).toEqual(Uint8Array.of(0x80, 0xc0, 0xff));
    await expect(sim.tap('x', 'qr', { kind: 'bad-checksum' })).rejects.toThrow('QR lines carry no checksum');
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toHaveLength(10 + 14 + 3 + 3);
  });
});
