/** The committed spoken prompts: one small Opus file for every clip the kiosk can play. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neededClips } from '../../renderer/app/voice-clips';

const VOICE_DIR = resolve(import.meta.dirname, '..', '..', 'resources', 'sounds', 'voice');

describe('voice files', () => {
  it('exist as Ogg files for every clip, and stay small together', () => {
    let bytes = 0;
    for (const entry of neededClips()) {
      const file = join(VOICE_DIR, `${entry}.ogg`);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file).subarray(0, 4).toString('latin1'), file).toBe('OggS');
      bytes += statSync(file).size;
    }
    // Shipped with every kiosk and copied into the page build.
    expect(bytes).toBeLessThan(400 * 1024);
  });
});
