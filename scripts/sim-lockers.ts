/**
 * `npm run sim -- locker <action> [N]`: plays the worker's hands at the simulated locker wall
 * of a running station (the built-in one `npm start` uses with no hardware), through its
 * control socket in `<dataDir>/sim/`.
 */
import { join } from 'node:path';
import { SIM_CONTROL_SOCKET, SIM_LOCKER_LAYOUT } from '../hardware/simulators/default-simulated-lockers';
import { SIM_DIR_NAME } from '../hardware/simulators/default-simulated-reader';
import { sendSimCommand, type SimCommand } from '../hardware/simulators/sim-control';

export const LOCKER_USAGE = 'Usage: npm run sim -- locker close <N>      (shut the door of locker N)\n'
  + '       npm run sim -- locker open <N>       (force the door open by hand)\n'
  + '       npm run sim -- locker phone-in <N> | phone-out <N> | jam <N> | status <N>\n'
  + '       npm run sim -- locker offline | clear   (take the board off the bus / clear every fault)\n'
  + '       npm run sim -- locker ignores-open-all   (the board\'s firmware lacks "open all": it ignores the board command,\n'
  + '                                                so the station opens its locks one at a time; "clear" undoes it)';

/** Commands on the wall's one board. */
const BOARD_COMMANDS = {
  offline: { command: { op: 'board-offline', board: 1 }, label: 'The simulated board stopped answering' },
  'ignores-open-all': { command: { op: 'ignores-open-all', board: 1 }, label: 'The simulated board now ignores the "open all" command' },
  clear: { command: { op: 'clear-faults' }, label: 'Cleared every simulated fault' },
} as const satisfies Record<string, { command: SimCommand; label: string }>;

const PER_LOCKER = { close: 'close-door', open: 'open-by-hand', 'phone-in': 'phone-in', 'phone-out': 'phone-out', jam: 'jam', status: 'door' } as const;

/** Where the sim commands print. */
export interface SimOutput {
  log(line: string): void;
  error(line: string): void;
}

/** Resolves with the exit code: 0 done, 1 no station or refused, 2 bad arguments. */
export async function lockerCommand(args: readonly string[], dataDir: string, out: SimOutput): Promise<number> {
  const [action, value] = args;
  let command: SimCommand;
  let label: string;
  if (action === 'offline' || action === 'clear' || action === 'ignores-open-all') {
    command = BOARD_COMMANDS[action].command;
    label = BOARD_COMMANDS[action].label;
  } else if (action !== undefined && Object.hasOwn(PER_LOCKER, action)) {
    const locker = SIM_LOCKER_LAYOUT.find((l) => String(l.number) === value);
    if (!locker) {
      out.error(`"${value ?? ''}" is not a locker of the simulated wall (1–${SIM_LOCKER_LAYOUT.length}).\n${LOCKER_USAGE}`);
      return 2;
    }
    command = { op: PER_LOCKER[action as keyof typeof PER_LOCKER], board: locker.board, lock: locker.lock };
    label = `Locker ${locker.number}`;
  } else {
    out.error(LOCKER_USAGE);
    return 2;
  }
  const answer = await sendSimCommand(join(dataDir, SIM_DIR_NAME, SIM_CONTROL_SOCKET), command);
  if (!answer.ok) {
    const stationMissing = /no station simulator is listening|no answer from|closed the connection/.test(answer.message);
    out.error(stationMissing ? `${answer.message}. Is a station with simulated lockers running ("npm start")?` : `${answer.message}.`);
    return 1;
  }
  const door = answer.door ? `: door ${answer.door.closed ? 'shut' : 'open'}, ${answer.door.itemPresent ? 'phone inside' : 'empty'}` : '';
  out.log(`${label}${door}`);
  return 0;
}
