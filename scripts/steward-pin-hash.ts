/**
 * `npm run steward-pin-hash`: reads one PIN (4–8 digits) from standard input and prints its
 * scrypt hash for `pinHash` in stewards.json. The PIN is read from stdin, not the command
 * line, so it stays out of the shell history and the process list.
 *
 *   echo 2468 | npm run -s steward-pin-hash
 */
import { pathToFileURL } from 'node:url';
import { hashStewardPin } from '../electron/service/steward/pin-hash';

export function pinHashLine(input: string): { ok: true; line: string } | { ok: false; line: string } {
  const pin = input.trim();
  if (!/^[0-9]{4,8}$/.test(pin)) return { ok: false, line: 'A steward PIN is 4–8 digits; give it on standard input, e.g. echo 2468 | npm run -s steward-pin-hash' };
  return { ok: true, line: hashStewardPin(pin) };
}

async function main(): Promise<number> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const answer = pinHashLine(text);
  (answer.ok ? console.log : console.error)(answer.line);
  return answer.ok ? 0 : 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main().then((code) => (process.exitCode = code));
