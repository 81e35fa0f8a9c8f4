import { chmodSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashCardId, loadStationKey, STATION_KEY_FILE_NAME } from './station-key';
import { useTempDirs } from './testing/temp-dirs';

const temp = useTempDirs('station-key-');
const posix = process.platform !== 'win32';

describe('loadStationKey', () => {
  it('creates a 32-byte owner-only key on first run and reuses it afterwards', () => {
    const dataDir = temp.make();
    const first = loadStationKey(dataDir);
    const path = join(dataDir, STATION_KEY_FILE_NAME);
    expect(first.key.length).toBe(32);
    expect(first.warnings).toEqual([]);
    if (posix) expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path).equals(first.key)).toBe(true);
    // No temp file left behind.
    expect(readdirSync(dataDir)).toEqual([STATION_KEY_FILE_NAME]);

    const second = loadStationKey(dataDir);
    expect(second.key.equals(first.key)).toBe(true);
    expect(second.warnings).toEqual([]);
  });

  it('two stations get different keys', () => {
    expect(loadStationKey(temp.make()).key.equals(loadStationKey(temp.make()).key)).toBe(false);
  });

  it.runIf(posix)('makes a key readable by others owner-only again, and says so', () => {
    const dataDir = temp.make();
    const { key } = loadStationKey(dataDir);
    const path = join(dataDir, STATION_KEY_FILE_NAME);
    chmodSync(path, 0o644);
    const again = loadStationKey(dataDir);
    expect(again.key.equals(key)).toBe(true);
    expect(again.warnings).toEqual([`${path} was readable by other users (mode 644); it is now owner-only (600).`]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('does not check POSIX modes on Windows', () => {
    const dataDir = temp.make();
    loadStationKey(dataDir);
    const path = join(dataDir, STATION_KEY_FILE_NAME);
    chmodSync(path, 0o644);
    expect(loadStationKey(dataDir, 'win32').warnings).toEqual([]);
  });

  it('refuses a key file of the wrong size instead of replacing it', () => {
    const dataDir = temp.make();
    const path = join(dataDir, STATION_KEY_FILE_NAME);
    writeFileSync(path, Buffer.alloc(7, 1), { mode: 0o600 });
    expect(() => loadStationKey(dataDir)).toThrow(
      `${path} holds 7 bytes, not 32. Restore it from backup; deleting it makes a new key, and then every card already seen counts as a new card.`,
    );
    expect(readFileSync(path)).toEqual(Buffer.alloc(7, 1));
  });
});

describe('hashCardId', () => {
  it('is HMAC-SHA256 in hex: the RFC 4231 test case 2 vector', () => {
    // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?".
    expect(hashCardId(Buffer.from('Jefe'), 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('depends on both the key and the card, and never contains the card id', () => {
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    const h = hashCardId(a, 'U026F6C3A');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCardId(a, 'U026F6C3A')).toBe(h);
    expect(hashCardId(b, 'U026F6C3A')).not.toBe(h);
    expect(hashCardId(a, 'U026F6C3B')).not.toBe(h);
    expect(h.toUpperCase()).not.toContain('026F6C3A');
  });
});
