/**
 * The bench's own load: a child process spinning one core flat out (a tight loop at normal
 * priority), standing in for whatever else a kiosk runs (an update, a video, a second app).
 * Stopped by `stop()`, and it exits by itself if the bench dies (it watches its parent).
 */
import { spawn } from 'node:child_process';

export interface LoadGenerator {
  stop(): Promise<void>;
}

const SPIN = `
const parent = process.ppid;
setInterval(() => { try { process.kill(parent, 0); } catch { process.exit(0); } }, 500).unref();
// Spin in slices so the parent check above still gets its turn.
const slice = () => { const end = performance.now() + 50; while (performance.now() < end); setImmediate(slice); };
slice();
`;

export function startLoadGenerator(): LoadGenerator {
  const child = spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
