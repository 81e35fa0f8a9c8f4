import type { Migration } from './migration';
import * as m0001 from './0001-initial';

/** Every migration, in order. Append new files here; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [m0001];

/** The schema version this build writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
