/**
 * `npm run collector [-- options]` starts the collector on 127.0.0.1 and prints its address;
 * `npm run collector -- add-station ID` registers a station and prints its key once;
 * `npm run collector -- dashboard-token NAME` makes a fleet-dashboard sign-in token and prints it once.
 *
 * Options: `--data DIR` (PGlite folder, default `./collector-data`), `--port N` (default
 * 8780; 0 picks a free one), `--host H` (default 127.0.0.1), `--tls-key FILE --tls-cert FILE`
 * (HTTPS). `DATABASE_URL=postgres://…` uses that server instead of PGlite.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { stationIdSchema } from '../common/upstream-wire';
import { migrate } from './db/migrate';
import { openSqlDatabase } from './db/sql';
import { createDashboardAuth } from './dashboard/auth';
import { buildCollector } from './server';
import { createCollectorStore } from './store';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string', default: './collector-data' },
      port: { type: 'string', default: '8780' },
      host: { type: 'string', default: '127.0.0.1' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
    },
  });
  const command = positionals[0];
  const id = stationIdSchema.safeParse(positionals[1]);
  // Checked before the database is opened: a typo should not wait for PGlite to start.
  if (command === 'add-station' && !id.success) {
    console.error('Usage: npm run collector -- add-station ID   (ID: 1–64 letters, digits, "_", "." or "-")');
    return 2;
  }
  const holder = positionals.slice(1).join(' ').trim();
  if (command === 'dashboard-token' && (holder.length === 0 || holder.length > 60)) {
    console.error('Usage: npm run collector -- dashboard-token NAME   (NAME: who holds it, 1–60 characters; shown as the author of replies)');
    return 2;
  }
  if (command !== undefined && command !== 'add-station' && command !== 'dashboard-token') {
    console.error(`Unknown command "${command}". Commands: (none) to serve, add-station ID, dashboard-token NAME.`);
    return 2;
  }
  const db = await openSqlDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: values.data });
  await migrate(db);
  const store = createCollectorStore(db);

  if (command === 'add-station' && id.success) {
    if (await store.stationKey(id.data)) {
      console.error(`Station ${id.data} is already registered; its key is not shown again.`);
      await db.close();
      return 1;
    }
    const key = await store.addStation(id.data);
    console.log(`Station ${id.data} registered. Its key, shown only this once (put it in the station's key file):`);
    console.log(key.toString('base64url'));
    await db.close();
    return 0;
  }

  if (command === 'dashboard-token') {
    const token = await createDashboardAuth(db).createToken(holder);
    console.log(`Dashboard token for ${holder}, shown only this once (sign in at /dashboard with it):`);
    console.log(token);
    await db.close();
    return 0;
  }

  const tls = values['tls-key'] && values['tls-cert'] ? { key: readFileSync(values['tls-key']), cert: readFileSync(values['tls-cert']) } : undefined;
  const app = await buildCollector({ store, https: tls, dashboard: { db } });
  app.addHook('onClose', () => db.close());
  const address = await app.listen({ host: values.host, port: Number(values.port) });
  console.log(`Collector listening on ${address} (${db.kind}: ${db.location}); fleet dashboard at ${address}/dashboard`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
