/**
 * For a station built without steward sign-in: no session is valid, so steward-only methods
 * answer `forbidden`, and nothing is audited because nothing is allowed.
 */
import type { StewardAccess } from './steward-access';

export const noStewardAccess: StewardAccess = {
  authorise: () => ({ ok: false, code: 'forbidden', message: 'Steward sign-in is not available on this station.' }),
  audit: () => {
    throw new Error('noStewardAccess authorises no one, so there is nothing to audit');
  },
};
