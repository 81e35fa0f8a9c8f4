/**
 * Database size per simulated year under retention: a busy station's visits (default 1,430
 * a day, ~10,000 a week, from 600 cards) written day by day on a real station.db, with the
 * daily roll-up run as the station runs it. Without retention the file grows for ever; with
 * it, it levels off after the retention period (deleted pages are reused, not returned).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollUpOldVisits } from '../../electron/service/ops/retention';
import { openStationDatabase, stationDatabasePath } from '../../electron/service/storage/database';

const DAY_MS = 86_400_000;

export function benchRetentionSize(years = 3, visitsPerDay = 1_430, cards = 600): string[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-retention-'));
  const db = openStationDatabase({ dataDir });
  // Speed only: this is a size measure; durability is the station's setting, not the bench's.
  db.pragma('synchronous = OFF');
  try {
    const categories = ['food-delivery', 'courier', 'ride-hailing', 'sanitation', 'other'];
    const addCard = db.prepare('INSERT INTO cards (hash32, hash24, category, category_chosen, first_seen_ms, visit_count) VALUES (?, ?, ?, 1, 0, 0)');
    db.transaction(() => {
      for (let i = 0; i < cards; i++) addCard.run(`a${i.toString(16).padStart(63, '0')}`, `b${i.toString(16).padStart(63, '0')}`, categories[i % categories.length]);
    })();
    const addVisit = db.prepare("INSERT INTO visits (card_id, kind, arrived_ms, last_tap_ms, source, device_id) VALUES (?, ?, ?, ?, 'reader', 'reader-1')");
    const start = Date.UTC(2026, 0, 1);
    const lines = [`Retention (${visitsPerDay} visits/day, 400-day period, synchronous=OFF for speed):`];
    for (let day = 0; day < years * 365; day++) {
      const dayStart = start + day * DAY_MS;
      db.transaction(() => {
        for (let v = 0; v < visitsPerDay; v++) {
          const at = dayStart + Math.floor((v / visitsPerDay) * DAY_MS);
          const guest = v % 7 === 0;
          addVisit.run(guest ? null : (v * 7919) % cards + 1, guest ? 'guest' : 'member', at, at);
        }
      })();
      rollUpOldVisits(db, dayStart + DAY_MS - 1);
      if ((day + 1) % 365 === 0) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        const pages = db.pragma('page_count', { simple: true }) as number;
        const free = db.pragma('freelist_count', { simple: true }) as number;
        const raw = (db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
        const rolled = (db.prepare('SELECT count(*) AS n FROM visit_days').get() as { n: number }).n;
        const mb = statSync(stationDatabasePath(dataDir)).size / 1_048_576;
        lines.push(`  year ${(day + 1) / 365}: station.db ${mb.toFixed(1)} MB (${pages} pages, ${free} free), ${raw} raw visits, ${rolled} roll-up rows`);
      }
    }
    return lines;
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('retention-size.ts')) console.log(benchRetentionSize().join('\n'));
