/**
 * The `upstream` field of station.json, and loading the station's collector key.
 */
import { readFileSync } from 'node:fs';
import { secureConfigFiles } from '../storage/owner-only';
import { isAbsolute, join } from 'node:path';
import * as z from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** True for `https:` URLs, and for `http:` only to this machine (the key signs, but the body would travel in clear). */
export function isAllowedCollectorUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Where and how this station sends its summaries. `null` (the default) sends nothing.
 * Paths are relative to the data folder unless absolute.
 */
export const upstreamSettingsSchema = z
  .strictObject({
    /** Collector origin (a path is ignored: requests go to `/v1/batches`). `http:` only to loopback. */
    collectorUrl: z.url({ protocol: /^https?$/ }).max(2000).refine((text) => isAllowedCollectorUrl(new URL(text)), 'must be https:// (http:// only to 127.0.0.1, [::1] or localhost)'),
    /** File holding the key `npm run collector -- add-station ID` printed (base64url, 32 bytes). */
    keyFile: z.string().min(1).max(500),
    /** PEM file of the collector's certificate or CA, when it is not in the system's store. */
    caFile: z.string().min(1).max(500).optional(),
    /**
     * File holding the fleet key (base64url, 32 bytes; the same on every station of the
     * district, never sent): with it, each day's unique workers go up as a HyperLogLog sketch
     * of fleet pseudonyms (`workers.daily`); without it, that kind is not produced.
     */
    fleetKeyFile: z.string().min(1).max(500).optional(),
  })
  .nullable();
export type UpstreamSettings = z.infer<typeof upstreamSettingsSchema>;

export const COLLECTOR_KEY_BYTES = 32;

/** Reads and checks a 32-byte base64url key file (collector or fleet key); throws with the path and what is wrong. */
export function loadCollectorKey(dataDir: string, keyFile: string): Buffer {
  const path = isAbsolute(keyFile) ? keyFile : join(dataDir, keyFile);
  // Anyone who can read the key can sign summaries as this station.
  secureConfigFiles([path]);
  const text = readFileSync(path, 'utf8').trim();
  const key = Buffer.from(text, 'base64url');
  if (!/^[A-Za-z0-9_-]+$/.test(text) || key.length !== COLLECTOR_KEY_BYTES) {
    throw new Error(`${path} must hold the ${COLLECTOR_KEY_BYTES}-byte key printed by add-station (base64url), not ${text.length} characters of something else`);
  }
  return key;
}

/** Reads the optional CA file. */
export function loadCollectorCa(dataDir: string, caFile: string | undefined): Buffer | undefined {
  if (caFile === undefined) return undefined;
  return readFileSync(isAbsolute(caFile) ? caFile : join(dataDir, caFile));
}
