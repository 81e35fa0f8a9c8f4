#!/usr/bin/env node
/**
 * `npm start` in one Node process: the system package check (setup-system.mjs, `--start`:
 * never fatal), the freshness check that rebuilds a stale page or service bundle
 * (ensure-built.mjs), then the supervisor (out/station/supervise.cjs), which runs the
 * service. Once three Node processes in a row, each paying Node's own start-up before the
 * station's; the supervisor still runs the service in a process of its own.
 */
import { createRequire } from 'node:module';
import { checkSystemForStart } from './setup-system.mjs';
import { ensureBuilt } from './ensure-built.mjs';

await checkSystemForStart();
const code = await ensureBuilt();
if (code !== 0) process.exit(code);
// Required only now: the check above may just have rebuilt it. It reads process.argv as
// `node out/station/supervise.cjs …` would: the station's arguments from index 2 on.
createRequire(import.meta.url)('../out/station/supervise.cjs');
