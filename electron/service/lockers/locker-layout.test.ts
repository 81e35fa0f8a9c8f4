import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dirs';
import { loadLockerLayout } from './locker-layout';

const temp = useTempDirs('locker-layout-');
const BUSES = [{ id: 'wall', boards: [{ address: 1, channels: 16 }] }];

function withLayout(content: string) {
  const dataDir = temp.make();
  const path = join(dataDir, 'lockers.json');
  writeFileSync(path, content);
  return { dataDir, path };
}

describe('lockers.json', () => {
  it('is read, sorted by number, with enabled defaulting to true', () => {
    const { dataDir } = withLayout(
      JSON.stringify([
        { number: 12, bus: 'wall', board: 1, lock: 2, cable: 'lightning', enabled: false },
        { number: 3, bus: 'wall', board: 1, lock: 16, cable: 'usb-c' },
      ]),
    );
    expect(loadLockerLayout(dataDir, BUSES)).toEqual({
      lockers: [
        { number: 3, bus: 'wall', board: 1, lock: 16, cable: 'usb-c', enabled: true },
        { number: 12, bus: 'wall', board: 1, lock: 2, cable: 'lightning', enabled: false },
      ],
      unreachable: new Set(),
      warnings: [],
    });
  });

  it('missing: no lockers, and a warning only when buses are configured', () => {
    const dataDir = temp.make();
    expect(loadLockerLayout(dataDir, [])).toEqual({ lockers: [], unreachable: new Set(), warnings: [] });
    expect(loadLockerLayout(dataDir, BUSES).warnings).toEqual([`Locker buses are configured but ${join(dataDir, 'lockers.json')} does not exist; no lockers are in use.`]);
  });

  it('field-level messages: duplicate numbers and locks, bad cable, ranges, unknown fields; then no lockers at all', () => {
    const { dataDir, path } = withLayout(
      JSON.stringify([
        { number: 1, bus: 'wall', board: 1, lock: 1, cable: 'usb-c' },
        { number: 1, bus: 'wall', board: 1, lock: 2, cable: 'usb-c' },
        { number: 2, bus: 'wall', board: 1, lock: 1, cable: 'usb-c' },
        { number: 3, bus: 'wall', board: 1, lock: 0, cable: 'usb-a' },
        { number: 0, bus: 'wall wall', board: 1.5, lock: 3, cable: 'usb-c', colour: 'red' },
      ]),
    );
    const loaded = loadLockerLayout(dataDir, BUSES);
    expect(loaded.lockers).toEqual([]);
    expect(loaded.warnings.map((w) => w.replace(path, '<file>'))).toEqual([
      '<file>: [3].lock: Too small: expected number to be >=1',
      '<file>: [3].cable: Invalid option: expected one of "usb-c"|"lightning"|"micro-usb"',
      '<file>: [4].number: Too small: expected number to be >=1',
      '<file>: [4].bus: must be 1–64 letters, digits, "_", "." or "-"',
      '<file>: [4].board: Invalid input: expected int, received number',
      '<file>: [4]: Unrecognized key: "colour"',
      '<file> is invalid; no lockers are in use until it is fixed.',
    ]);
    // Duplicates are reported once every entry is well-formed.
    const dup = withLayout(
      JSON.stringify([
        { number: 1, bus: 'wall', board: 1, lock: 1, cable: 'usb-c' },
        { number: 1, bus: 'wall', board: 1, lock: 2, cable: 'usb-c' },
        { number: 2, bus: 'wall', board: 1, lock: 1, cable: 'usb-c' },
      ]),
    );
    expect(loadLockerLayout(dup.dataDir, BUSES).warnings.map((w) => w.replace(dup.path, '<file>'))).toEqual([
      '<file>: [1].number: locker 1 is already listed at [0]',
      '<file>: [2].lock: bus wall board 1 lock 1 is already locker [0]',
      '<file> is invalid; no lockers are in use until it is fixed.',
    ]);
  });

  it('not JSON, or not an array: no lockers and one warning', () => {
    for (const content of ['[{', '{"number": 1}', 'null', '"lockers"']) {
      const { dataDir, path } = withLayout(content);
      const loaded = loadLockerLayout(dataDir, BUSES);
      expect(loaded.lockers).toEqual([]);
      expect(loaded.warnings.at(-1)?.startsWith(path)).toBe(true);
    }
  });
});
