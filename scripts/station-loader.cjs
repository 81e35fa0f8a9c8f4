'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: node runs it as start.cjs */
/**
 * out/station/start.cjs, what `npm start` runs: loads the service bundle (service.cjs) with
 * the V8 code cache that scripts/build-station.mjs made beside it, so a boot skips parsing
 * and compiling ~1 MB of JavaScript (the largest part of the time before the first line).
 *
 * The bundle runs exactly as `require('./service.cjs')` would (same wrapper, `require`,
 * `module`, `__filename`, `__dirname`). A cache V8 refuses (another Node or V8 version,
 * a bundle rebuilt without it) only costs the compile it would have saved.
 */
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, 'service.cjs');
let cachedData;
try {
  cachedData = readFileSync(`${file}.cache`);
} catch {
  // No cache: compile as require would.
}
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
  filename: file,
  cachedData,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const service = new Module(file, module);
service.filename = file;
service.paths = Module._nodeModulePaths(__dirname);
service.loaded = true;
script.runInThisContext().call(service.exports, service.exports, Module.createRequire(file), service, file, __dirname);
