'use strict';
/**
 * out/station/start.cjs, what `npm start` runs: loads the service bundle (service.cjs) with
 * the V8 code cache beside it (service.cjs.cache), so a boot skips parsing and compiling
 * ~2 MB of JavaScript.
 *
 * The cache scripts/build-station.mjs writes holds only what V8 compiles before running
 * anything (the bundle's outer function); every function the start-up then calls is compiled
 * at its first call. So once per build, some seconds after a start (STATION_CODE_CACHE_WARM_MS,
 * default 10 000; the service is up and its page has connected by then) or when the process
 * exits if that is sooner, the loader saves the cache again with everything compiled so far:
 * later starts compile almost nothing. A folder it may not write to keeps the build's cache.
 *
 * The cache file starts with one line naming the build it belongs to (the id in the bundle's
 * first line) and whether it is warm. A cache of another build is never handed to V8, which
 * checks only the source's length, not its text: a rebuild while a station runs must not
 * leave the old code's cache next to the new bundle.
 *
 * The bundle runs exactly as `require('./service.cjs')` would (same wrapper, `require`,
 * `module`, `__filename`, `__dirname`). A cache V8 refuses (another Node or V8 version)
 * only costs the compile it would have saved, and is replaced by a warm one.
 */
const { openSync, readFileSync, readSync, closeSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, 'service.cjs');
const cacheFile = `${file}.cache`;
const source = readFileSync(file, 'utf8');
const build = buildIdOf(source);
const cached = readCache();
let warmSaved = false;
const script = new vm.Script(Module.wrap(source), {
  filename: file,
  cachedData: cached?.data,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
if (build !== null && !(cached?.warm && !script.cachedDataRejected)) {
  const warmMs = Number(process.env.STATION_CODE_CACHE_WARM_MS);
  const timer = setTimeout(saveWarmCache, Number.isFinite(warmMs) && warmMs >= 0 ? warmMs : 10_000);
  timer.unref();
  // A station stopped sooner saves it on its way out.
  process.once('exit', saveWarmCache);
}
const service = new Module(file, module);
service.filename = file;
service.paths = Module._nodeModulePaths(__dirname);
service.loaded = true;
script.runInThisContext().call(service.exports, service.exports, Module.createRequire(file), service, file, __dirname);

/** The build id from the bundle's first line (`/* station-build <id> *\/`), or null. */
function buildIdOf(text) {
  const match = /^\/\* station-build ([0-9a-f]{16,64}) \*\//.exec(text.slice(0, 200));
  return match ? match[1] : null;
}

/** The cache of this very build, or null (none, unreadable, or another build's). */
function readCache() {
  let bytes;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return null;
  }
  const end = bytes.indexOf(10);
  if (end < 0 || end > 200) return null;
  const [tag, id, kind] = bytes.subarray(0, end).toString('latin1').split(' ');
  if (tag !== 'station-code-cache' || build === null || id !== build) return null;
  return { data: bytes.subarray(end + 1), warm: kind === 'warm' };
}

/** Once: the timer and the exit both call it. */
function saveWarmCache() {
  if (warmSaved) return;
  warmSaved = true;
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    writeFileSync(temp, Buffer.concat([Buffer.from(`station-code-cache ${build} warm\n`, 'latin1'), data]));
    // Checked last: a bundle rebuilt meanwhile keeps its own cache.
    if (buildIdOf(readHead(file)) !== build) throw new Error('rebuilt');
    renameSync(temp, cacheFile);
  } catch {
    rmSync(temp, { force: true });
  }
}

function readHead(path) {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(200);
    return head.subarray(0, readSync(fd, head, 0, 200, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}
