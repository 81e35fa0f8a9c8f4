/**
 * A control socket for the simulated locker boards inside a running station, so that
 * `npm run sim -- door close 3` (another process) and end-to-end tests can play the worker's
 * hands: shut a door, force one open, put a phone in, jam a lock, take a board offline.
 *
 * Protocol: one JSON command per line in, one JSON answer per line out, over a Unix socket
 * in the station's data directory (owner-only, like the rest of it).
 */
import * as z from 'zod';
import { sendJsonLine, serveJsonLines, type JsonLineServer } from './json-line-socket';
import type { LockerBoardSimulator } from './locker-board-simulator';

const lockTarget = { board: z.number().int().min(0).max(255), lock: z.number().int().min(1).max(255) };

export const simCommandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('close-door'), ...lockTarget }),
  z.object({ op: z.literal('open-by-hand'), ...lockTarget }),
  z.object({ op: z.literal('phone-in'), ...lockTarget }),
  z.object({ op: z.literal('phone-out'), ...lockTarget }),
  z.object({ op: z.literal('jam'), ...lockTarget }),
  z.object({ op: z.literal('board-offline'), board: lockTarget.board }),
  /** The board's firmware lacks open-all: it neither answers nor acts on the board command. */
  z.object({ op: z.literal('ignores-open-all'), board: lockTarget.board }),
  /** Clears every injected fault (jams, offline boards). */
  z.object({ op: z.literal('clear-faults') }),
  z.object({ op: z.literal('door'), ...lockTarget }),
]);
export type SimCommand = z.infer<typeof simCommandSchema>;

export type SimAnswer =
  | { readonly ok: true; readonly door?: { readonly closed: boolean; readonly itemPresent: boolean; readonly powered: boolean } }
  | { readonly ok: false; readonly message: string };

export type SimControlServer = JsonLineServer;

/** Applies one command to the simulator. Never throws: a bad board or lock is an answer. */
export function applySimCommand(simulator: LockerBoardSimulator, command: SimCommand): SimAnswer {
  try {
    switch (command.op) {
      case 'close-door': simulator.closeDoor(command.board, command.lock); break;
      case 'open-by-hand': simulator.openByHand(command.board, command.lock); break;
      case 'phone-in': simulator.setItemPresent(command.board, command.lock, true); break;
      case 'phone-out': simulator.setItemPresent(command.board, command.lock, false); break;
      case 'jam': simulator.inject({ kind: 'jammed', board: command.board, lock: command.lock }); break;
      case 'board-offline': simulator.inject({ kind: 'no-reply', board: command.board }); return { ok: true };
      case 'ignores-open-all': simulator.inject({ kind: 'ignores-open-all', board: command.board }); return { ok: true };
      case 'clear-faults': simulator.clearFaults(); return { ok: true };
      case 'door': break;
    }
    return { ok: true, door: simulator.door(command.board, command.lock) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Options of {@link startSimControl}. */
export interface SimControlOptions {
  /**
   * Why the station cannot hear the simulated boards now (e.g. its bus driver is offline), or
   * null when it can. While there is a reason, commands on a lock are refused with it rather
   * than reported done; `board-offline`, `ignores-open-all` and `clear-faults` still work. Default always heard.
   */
  readonly unheard?: () => string | null;
}

/** Serves commands for `simulator` on a Unix socket at `socketPath` (a stale file is replaced). */
export function startSimControl(socketPath: string, simulator: LockerBoardSimulator, options: SimControlOptions = {}): Promise<SimControlServer> {
  const unheard = options.unheard ?? (() => null);
  return serveJsonLines(socketPath, (line) => answerLine(simulator, line, unheard));
}

function answerLine(simulator: LockerBoardSimulator, line: string, unheard: () => string | null): SimAnswer {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, message: 'not JSON' };
  }
  const command = simCommandSchema.safeParse(json);
  if (!command.success) return { ok: false, message: `not a simulator command: ${command.error.issues[0]?.message ?? 'invalid'}` };
  const boardWide = command.data.op === 'board-offline' || command.data.op === 'ignores-open-all' || command.data.op === 'clear-faults';
  const reason = boardWide ? null : unheard();
  if (reason !== null) return { ok: false, message: `${reason}: nothing was done` };
  return applySimCommand(simulator, command.data);
}

/**
 * Sends one command to a running station's simulator and resolves with its answer; a
 * missing station or a silent one resolves `{ ok: false }` with the reason, never rejects.
 */
export function sendSimCommand(socketPath: string, command: SimCommand, timeoutMs = 3000): Promise<SimAnswer> {
  return sendJsonLine<SimAnswer>(socketPath, command, timeoutMs);
}
