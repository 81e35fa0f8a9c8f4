/**
 * What each pulled kind changes on the station, gathered from the slices that own the data:
 * notices → the notices table (the attract screen hears `noticesChanged`), stewards → the
 * steward list, words → the live word filter, wish replies → the notes on the wall.
 */
import type { Database } from 'better-sqlite3';
import type { StationEventBus } from '../../service-contract';
import { createPulledNotices } from '../steward/records/pulled-notices';
import { createPulledStewards } from '../steward/pulled-stewards';
import type { LiveWordFilter } from '../wishes/live-word-filter';
import { createPulledReplies } from '../wishes/pulled-replies';
import type { PullAppliers } from './puller';

export interface PullAppliersDeps {
  readonly db: Database;
  readonly events: StationEventBus;
  readonly words: LiveWordFilter;
}

export function createPullAppliers(deps: PullAppliersDeps): PullAppliers {
  const notices = createPulledNotices(deps.db);
  const stewards = createPulledStewards(deps.db);
  const replies = createPulledReplies(deps.db);
  return {
    notices: { apply: (doc, atMs) => notices.apply(doc, atMs), use: () => deps.events.emit('noticesChanged', {}) },
    stewards: { apply: (doc, atMs) => stewards.apply(doc, atMs) },
    // The list itself is kept with its ETag (upstream_pulls); putting it in force is all there is to do.
    words: { apply: () => {}, use: (doc) => deps.words.use(doc) },
    'wish-replies': { apply: (doc, atMs) => void replies.apply(doc, atMs) },
  };
}
