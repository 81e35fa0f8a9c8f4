import type { Migration } from './migration';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-lockers';
import * as m0003 from './0003-attempt-limits';
import * as m0004 from './0004-upstream';
import * as m0005 from './0005-claim-released';
import * as m0006 from './0006-stewards';
import * as m0007 from './0007-worker-sketches';
import * as m0008 from './0008-steward-records';
import * as m0009 from './0009-operations';
import * as m0010 from './0010-wishes';
import * as m0011 from './0011-upstream-events';
import * as m0012 from './0012-charged-time';
import * as m0013 from './0013-upstream-pull';
import * as m0014 from './0014-device-counts';

/** Every migration, in order. Append new files here; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014,
];

/** The schema version this build writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
