import type { LockerProtocol, LockerProtocolName } from '../locker-protocol';
import { bcc8a80 } from './bcc-8a80';
import { kerongCu16 } from './kerong-cu16';

export { bcc8a80 } from './bcc-8a80';
export { kerongCu16 } from './kerong-cu16';

/** Every supported protocol by the name devices.json uses. */
export const LOCKER_PROTOCOLS: Readonly<Record<LockerProtocolName, LockerProtocol>> = {
  '8a80': bcc8a80,
  'kerong-cu16': kerongCu16,
};

/** The protocol called `name`. Throws `TypeError` for a name that is not one (e.g. from an old config). */
export function lockerProtocol(name: string): LockerProtocol {
  if (!Object.hasOwn(LOCKER_PROTOCOLS, name)) {
    throw new TypeError(`unknown locker protocol "${name}"; known: ${Object.keys(LOCKER_PROTOCOLS).join(', ')}`);
  }
  return LOCKER_PROTOCOLS[name as LockerProtocolName];
}
