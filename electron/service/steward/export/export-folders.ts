/**
 * `listExportFolders`: where a USB stick is mounted now, so Export offers it as one big
 * button instead of a path to type. Read from the kernel's mount table (`/proc/self/mounts`):
 * every mount point under /media, /run/media or /mnt (desktop automounters use
 * /media/<user>/<label> and /run/media/<user>/<label>; a hand mount is usually /mnt/<x>).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { stationMethods, type MethodInput, type MethodOutput } from '../../../../common/contract';
import { err, ok, type Result } from '../../../../common/result';
import type { StewardAccess } from '../steward-access';

export const MOUNT_ROOTS = ['/media/', '/run/media/', '/mnt/'] as const;

/** The mount table's text: `device mountpoint type options 0 0` a line, spaces in paths as `\040`. */
export function removableMounts(mountsText: string, roots: readonly string[] = MOUNT_ROOTS): { path: string; label: string }[] {
  const seen = new Set<string>();
  const out: { path: string; label: string }[] = [];
  for (const line of mountsText.split('\n')) {
    const field = line.split(' ')[1];
    if (field === undefined) continue;
    const path = field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
    // At most two levels under the root (/media/<user>/<label>): deeper ones are a system's own mounts, not a stick.
    const under = roots.find((root) => path.startsWith(root) && path.length > root.length);
    if (under === undefined || path.slice(under.length).split('/').length > 2 || seen.has(path)) continue;
    seen.add(path);
    out.push({ path, label: basename(path) });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export function listExportFolders(
  input: MethodInput<'listExportFolders'>,
  access: StewardAccess,
  mountsFile = '/proc/self/mounts',
): Result<MethodOutput<'listExportFolders'>> {
  const parsed = stationMethods.listExportFolders.input.safeParse(input);
  if (!parsed.success) return err('invalid-argument', 'listExportFolders: a steward session is required');
  const who = access.authorise(parsed.data.session);
  if (!who.ok) return who;
  let text: string;
  try {
    text = readFileSync(mountsFile, 'utf8');
  } catch {
    // No mount table (not Linux): nothing detected; the steward types the path.
    return ok([]);
  }
  return ok(removableMounts(text));
}
