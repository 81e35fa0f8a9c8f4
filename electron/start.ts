/**
 * `npm start`: brings the station up on any machine. Electron when its runtime is
 * available, otherwise the browser host, with one line saying which.
 */
import { findElectronBinary, chooseHost } from './hosts/electron-runtime';
import { runBrowserHost } from './hosts/run-browser-host';
import { runElectron } from './hosts/run-electron';
import { parseStartArgs, UsageError, type StartArgs } from './hosts/start-args';
import { connectToSupervisor } from './supervisor/supervisor-channel';

// First, so a supervisor's pings are answered while the service is still starting. A
// supervisor that goes away takes the service down in order, not left running unwatched.
const supervisor = connectToSupervisor(process, () => process.kill(process.pid, 'SIGTERM'));

async function main(): Promise<void> {
  let args: StartArgs;
  try {
    args = parseStartArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const choice = chooseHost(process.env, findElectronBinary());
  if (choice.kind === 'electron') {
    console.log('Host: electron');
    runElectron(choice.binary, args, supervisor);
    return;
  }
  console.log(`Host: browser (${choice.reason})`);
  await runBrowserHost(args, console.log, supervisor);
}

main().catch((error: unknown) => {
  console.error(`Station failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
