/**
 * Test double of the station service for the supervisor's tests: a real child process that
 * speaks the real supervisor channel but starts no station. `fail <code>` exits at once with
 * that code; otherwise it says it is ready and waits, answering pings, until SIGTERM (exit 0).
 */
import { connectToSupervisor } from '../supervisor-channel';

const link = connectToSupervisor(process, () => process.exit(3));
if (process.argv[2] === 'fail') process.exit(Number(process.argv[3]));
process.once('SIGTERM', () => process.exit(0));
link.ready();
// Bounded life: a test that forgets this process must not leave it running.
setTimeout(() => process.exit(4), 60_000);
