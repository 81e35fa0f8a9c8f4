/**
 * The simulators' control sockets: one JSON command per line in, one JSON answer per line out,
 * over a Unix socket in the station's data directory (owner-only, like the rest of it), so
 * `npm run sim` and end-to-end tests (other processes) can play the worker's hands.
 */
import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** Longest command line accepted, bytes: commands are tiny, anything longer is not ours. */
const MAX_LINE = 1024;

export interface JsonLineServer {
  readonly socketPath: string;
  /** Stops listening, drops clients and removes the socket file. Idempotent. */
  close(): Promise<void>;
}

/**
 * Answers one JSON line with one JSON line, on a Unix socket at `socketPath` (a stale file is
 * replaced; the new one owner-only). `answer` gets each line as sent and must not throw.
 */
export async function serveJsonLines(socketPath: string, answer: (line: string) => unknown): Promise<JsonLineServer> {
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
        socket.write(`${JSON.stringify(answer(line))}\n`);
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

/**
 * Sends one JSON line to a control socket and resolves with the JSON line answered; a missing
 * station or a silent one resolves `{ ok: false }` with the reason, never rejects.
 */
export function sendJsonLine<A extends { readonly ok: boolean }>(socketPath: string, command: unknown, timeoutMs = 3000): Promise<A | { readonly ok: false; readonly message: string }> {
  return new Promise((resolve) => {
    let settled = false;
    let buffered = '';
    const socket = createConnection(socketPath);
    const finish = (answer: A | { readonly ok: false; readonly message: string }) => {
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
        finish(JSON.parse(buffered.slice(0, newline)) as A);
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
