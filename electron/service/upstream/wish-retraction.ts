/**
 * `wish.retracted`: a wall note a steward hid after its `wish.posted` item was written. Called
 * inside the hide's own transaction, so the hide and its retraction commit together or not
 * at all. If the note's item is still waiting in the outbox it is dropped there, so its text
 * never leaves; the retraction is enqueued either way (the item may be in a batch already on
 * its way), and the collector then takes the note off the dashboard and refuses replies to it.
 * A note that was never written upstream (held, or hidden before the next 5-minute run)
 * needs nothing. Idempotency key `<station>/wish.retracted/<uid>`.
 */
import type { Database } from 'better-sqlite3';
import type { UpstreamItem } from '../../../common/upstream-wire';
import { createOutboxStore } from './outbox-store';

/** Records the retraction of the note `uid` hidden at `atMs`; true when an item was enqueued. */
export type RetractWish = (uid: string, atMs: number) => boolean;

export function createWishRetraction(db: Database, stationId: string): RetractWish {
  const outbox = createOutboxStore(db);
  const posted = db.prepare<[string], { one: number }>("SELECT 1 AS one FROM upstream_events WHERE kind = 'wish.posted' AND event = ?");
  const dropWaiting = db.prepare<[string]>("DELETE FROM upstream_outbox WHERE key = ? AND state = 'pending'");
  const written = db.prepare<[string]>("INSERT INTO upstream_events (kind, event) VALUES ('wish.retracted', ?) ON CONFLICT DO NOTHING");
  return (uid, atMs) => {
    if (!posted.get(uid)) return false;
    dropWaiting.run(`${stationId}/wish.posted/${uid}`);
    const item: UpstreamItem = { key: `${stationId}/wish.retracted/${uid}`, kind: 'wish.retracted', producedAtMs: atMs, payload: { wishId: uid, retractedAtMs: atMs } };
    const added = outbox.enqueue(item);
    written.run(uid);
    return added;
  };
}
