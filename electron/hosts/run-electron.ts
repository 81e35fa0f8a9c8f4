/** `npm start` with Electron: runs the built main process and mirrors its exit. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appPaths } from './app-paths';
import { formatStartArgs, type StartArgs } from './start-args';
import type { SupervisorLink } from '../supervisor/supervisor-channel';

export function runElectron(binary: string, args: StartArgs, supervisor?: SupervisorLink): void {
  const paths = appPaths();
  if (!existsSync(paths.electronMain)) {
    throw new Error(`${paths.electronMain} is missing: run npm run build:electron`);
  }
  const env = { ...process.env };
  // Set by some tool chains; it would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  // The app root (not the file) so Electron reads package.json "main" and app.getAppPath()
  // is the root, as in a packaged build.
  const child = spawn(binary, [paths.root, ...formatStartArgs(args)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  // The Electron main recovers its own page; the supervisor restarts Electron if it dies.
  supervisor?.ready();
  child.on('error', (error) => {
    console.error(`Could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
