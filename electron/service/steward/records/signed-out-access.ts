/**
 * The steward access of a station without steward sign-in: every session is refused
 * (`forbidden`), so steward-only sections answer nothing while public reads (the attract
 * screen's notices) work. The steward service's implementation replaces it.
 */
import { err } from '../../../../common/result';
import type { StewardAccess } from '../steward-access';

export const signedOutStewardAccess: StewardAccess = {
  authorise: () => err('forbidden', 'No steward is signed in.'),
  audit: () => {
    throw new Error('audit without a signed-in steward');
  },
};
