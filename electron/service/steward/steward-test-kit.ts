/**
 * Test helpers for the steward slice: a stewards.json with real scrypt hashes, and a station
 * with a card reader double (a real reader cannot exist in unit tests) to tap steward cards on.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { EventPayload } from '../../../common/contract';
import { normaliseCardText } from '../../../hardware/card-id/normalise';
import { CardReaderDouble } from '../testing/card-reader-double';
import type { LockerStation, LockerStationOptions } from '../testing/locker-fixture';
import { hashStewardPin } from './pin-hash';
import { STEWARDS_FILE_NAME } from './steward-roster';

export const HOST_CARD = '0011223344';
export const HOST_PIN = '135790';
export const CADRE_CARD = '0099887766';
export const CADRE_PIN = '8642';

/** Writes `<dataDir>/stewards.json` with the two test stewards (or the given entries). */
export function writeStewards(dataDir: string, entries?: unknown[]): void {
  const stewards = entries ?? [
    { name: '王芳', role: 'host', card: HOST_CARD, pinHash: hashStewardPin(HOST_PIN) },
    { name: 'Li Wei', role: 'cadre', card: CADRE_CARD, pinHash: hashStewardPin(CADRE_PIN) },
  ];
  writeFileSync(join(dataDir, STEWARDS_FILE_NAME), JSON.stringify({ stewards }));
}

export interface StewardStation {
  readonly s: LockerStation;
  readonly reader: CardReaderDouble;
  /** `stewardCard` events seen. */
  readonly cards: EventPayload<'stewardCard'>[];
  /** Taps a card on the reader and lets the check-in (if any) finish. */
  tapReader(card: string): Promise<void>;
  /** Sign-in screen open → card → PIN; the session token. */
  signIn(card?: string, pin?: string): Promise<string>;
}

export async function stewardStation(
  start: (options?: LockerStationOptions) => Promise<LockerStation>,
  options: LockerStationOptions & { readonly dataDir: string },
): Promise<StewardStation> {
  const reader = new CardReaderDouble('door');
  const s = await start({ ...options, service: { readers: [reader], ...options.service } });
  const cards: EventPayload<'stewardCard'>[] = [];
  s.service.events.on('stewardCard', (payload) => cards.push(payload));
  const tapReader = async (card: string) => {
    const normalised = normaliseCardText(card);
    if (!normalised) throw new Error(`not a card: ${card}`);
    reader.tap(normalised);
    await vi.advanceTimersByTimeAsync(0);
  };
  return {
    s,
    reader,
    cards,
    tapReader,
    async signIn(card = HOST_CARD, pin = HOST_PIN) {
      await s.service.api.openStewardSignIn();
      await tapReader(card);
      const pending = cards.at(-1)?.pending ?? null;
      const result = await s.service.api.signInSteward({ pending, pin });
      if (!result.ok || result.value.kind !== 'signed-in') throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
      return result.value.steward.session;
    },
  };
}
