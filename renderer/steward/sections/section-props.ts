import type { StationClient } from '../../../common/contract';
import type { StewardSession } from '../../../common/steward-session';

/** What every console section gets from the console frame: the client and the signed-in session. */
export interface SectionProps {
  readonly client: StationClient;
  readonly session: StewardSession;
}
