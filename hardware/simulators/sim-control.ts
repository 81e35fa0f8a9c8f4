/**
 * A control socket for the simulated locker boards inside a running station, so that
 * `npm run sim -- door close 3` (another process) and end-to-end tests can play the worker's
 * hands: shut a door, force one open, put a phone in, jam a lock, take a board offline.
 *
 * Protocol: one JSON command per line in, one JSON answer per line out, over a Unix socket
 * in the station's data directory (owner-only, like the rest of it).
 */
import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { z } from 'zod';
import type { LockerBoardSimulator } from './locker-board-simulator';

const lockTarget = { board: z.number().int().min(0).max(255), lock: z.number().int().min(1).max(255) };

export const simCommandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('close-door'), ...lockTarget }),
  z.object({ op: z.literal('open-by-hand'), ...lockTarget }),
  z.object({ op: z.literal('phone-in'), ...lockTarget }),
  z.object({ op: z.literal('phone-out'), ...lockTarget }),
  z.object({ op: z.literal('jam'), ...lockTarget }),
  z.object({ op: z.literal('board-offline'), board: lockTarget.board }),
  /** Clears every injected fault (jams, offline boards). */
  z.object({ op: z.literal('clear-faults') }),
  z.object({ op: z.literal('door'), ...lockTarget }),
]);
export type SimCommand = z.infer<typeof simCommandSchema>;

export type SimAnswer =
  | { readonly ok: true; readonly door?: { readonly closed: boolean; readonly itemPresent: boolean; readonly powered: boolean } }
  | { readonly ok: false; readonly message: string };

/** Longest command line accepted, bytes: commands are tiny, anything longer is not ours. */
const MAX_LINE = 1024;

export interface SimControlServer {
  readonly socketPath: string;
  /** Stops listening, drops clients and removes the socket file. Idempotent. */
  close(): Promise<void>;
}

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
   * than reported done; `board-offline` and `clear-faults` still work. Default always heard.
   */
  readonly unheard?: () => string | null;
}

/** Serves commands for `simulator` on a Unix socket at `socketPath` (a stale file is replaced). */
export async function startSimControl(socketPath: string, simulator: LockerBoardSimulator, options: SimControlOptions = {}): Promise<SimControlServer> {
  const unheard = options.unheard ?? (() => null);
  rmSync(socketPath, { force: true });
  const clients = new Set<Socket>();
  const server: Server = createServer((socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      if (buffered.length > MAX_LINE && !buffered.includes('\n')) {
        socket.end(`${JSON.stringify({ ok: false, message: 'command too long' })}\n`);
        return;
      }
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        socket.write(`${JSON.stringify(answerLine(simulator, line, unheard))}\n`);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(socketPath, 0o600);
  let closing: Promise<void> | undefined;
  return {
    socketPath,
    close: () => (closing ??= new Promise<void>((resolve) => {
      for (const client of clients) client.destroy();
      server.close(() => {
        rmSync(socketPath, { force: true });
        resolve();
      });
    })),
  };
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
  const reason = command.data.op === 'board-offline' || command.data.op === 'clear-faults' ? null : unheard();
  if (reason !== null) return { ok: false, message: `${reason}: nothing was done` };
  return applySimCommand(simulator, command.data);
}

/**
 * Sends one command to a running station's simulator and resolves with its answer; a
 * missing station or a silent one resolves `{ ok: false }` with the reason, never rejects.
 */
export function sendSimCommand(socketPath: string, command: SimCommand, timeoutMs = 3000): Promise<SimAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    let buffered = '';
    const socket = createConnection(socketPath);
    const finish = (answer: SimAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ ok: false, message: `no answer from ${socketPath} within ${timeoutMs} ms` }), timeoutMs);
    socket.on('connect', () => socket.write(`${JSON.stringify(command)}\n`));
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      try {
        finish(JSON.parse(buffered.slice(0, newline)) as SimAnswer);
      } catch {
        finish({ ok: false, message: 'garbled answer from the station' });
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const gone = error.code === 'ENOENT' || error.code === 'ECONNREFUSED';
      finish({ ok: false, message: gone ? `no station simulator is listening at ${socketPath}` : error.message });
    });
    socket.on('close', () => finish({ ok: false, message: 'the station closed the connection without answering' }));
  });
}
