import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { removableMounts } from './export-folders';

describe('removableMounts', () => {
  it('mount points under /media, /run/media and /mnt, spaces decoded, sorted, once each; never the roots, deeper system mounts or other mounts', () => {
    const table = [
      '/dev/sda2 / ext4 rw,relatime 0 0',
      'proc /proc proc rw,nosuid 0 0',
      '/dev/sdb1 /media/kiosk/UNION\\040USB vfat rw,nosuid,nodev 0 0',
      '/dev/sdc1 /run/media/steward/DATA exfat rw 0 0',
      '/dev/sdd1 /mnt/usb1 vfat rw 0 0',
      '/dev/sdd1 /mnt/usb1 vfat rw 0 0',
      'tmpfs /mnt tmpfs rw 0 0',
      '/dev/sde1 /mediaX/other vfat rw 0 0',
      'overlay /mnt/sandbox/tools/v1/python overlay ro 0 0',
      '',
    ].join('\n');
    expect(removableMounts(table)).toEqual([
      { path: '/media/kiosk/UNION USB', label: 'UNION USB' },
      { path: '/mnt/usb1', label: 'usb1' },
      { path: '/run/media/steward/DATA', label: 'DATA' },
    ]);
  });

  it('reads this machine’s own mount table without failing', async () => {
    if (!existsSync('/proc/self/mounts')) return;
    const { readFileSync } = await import('node:fs');
    const found = removableMounts(readFileSync('/proc/self/mounts', 'utf8'));
    for (const f of found) expect(f.path).toMatch(/^\/(media|run\/media|mnt)\/./);
  });
});
