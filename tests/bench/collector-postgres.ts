/**
 * The collector against a real PostgreSQL server (issue 12's figures), a section of
 * `npm run bench`, or alone: `npx tsx tests/bench/collector-postgres.ts [--requests N] [--batches N] [--durable]`.
 *
 * The bench starts Debian's PostgreSQL on loopback (tests/support/postgres-server.ts; fsync
 * off unless --durable), runs `npm run collector` as one and then two separate processes on
 * it, and forks the load generator (collector-load.ts) as a third process. Each figure is
 * printed beside its limit and beside what PostgreSQL alone does for the same rows, sent by
 * the same load process through node-postgres as one bare multi-row INSERT per batch with as
 * many batches in flight, measured right after it. Without PostgreSQL installed it prints
 * one line saying so. Not a test: nothing passes or fails.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { DEFAULT_POOL_SIZE } from '../../upstream/db/sql';
import { findPostgresBin, startPostgresServer } from '../support/postgres-server';
import type { LoadJob, LoadResult, LoadShape } from './collector-load';

const ROOT = resolve(import.meta.dirname, '..', '..');
const STATIONS = 4_000;
const CONCURRENCY = 32;
/** One station's 30 days offline: 720 hourly + 60 daily items + 8,640 heartbeats. */
const BACKLOG = 30 * 24 + 60 + 30 * 288;

export interface CollectorBenchOptions {
  /** Signed one-item requests per run. Default 6 000. */
  readonly requests?: number;
  /** 500-item batches per run. Default 60. */
  readonly batches?: number;
  /** fsync and synchronous commit on. Default off (as in the tests). */
  readonly durable?: boolean;
}

interface Collector {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** `npm run collector` on the server, as its own process (SIGTERM if the bench dies). */
async function startCollectorProcess(databaseUrl: string): Promise<Collector> {
  const child = spawn('/usr/bin/setpriv', ['--pdeathsig', 'SIGTERM', process.execPath, ...(process.env.COLLECTOR_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.COLLECTOR_BENCH_PROFILE}`] : []), '--import', 'tsx', 'upstream/cli.ts', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`collector exited (${code}):\n${output}`));
    });
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

interface LoadProcess {
  readonly pid: number;
  run(job: LoadJob): Promise<LoadResult>;
  stop(): Promise<void>;
}

function startLoadProcess(): LoadProcess {
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'collector-load.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let queue = Promise.resolve();
  return {
    pid: child.pid!,
    run: (job) => {
      const answer = queue.then(
        () =>
          new Promise<LoadResult>((done, reject) => {
            const onExit = (code: number | null) => reject(new Error(`load generator exited (${code})`));
            child.once('exit', onExit);
            child.once('message', (result) => {
              child.off('exit', onExit);
              const r = result as LoadResult;
              if (r.error) reject(new Error(`load generator: ${r.error}`));
              else done(r);
            });
            child.send(job);
          }),
      );
      queue = answer.then(() => undefined, () => undefined);
      return answer;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.disconnect();
      await exited;
    },
  };
}

const fmt = (v: number, digits = 0) => v.toFixed(digits).padStart(9);
const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');

/** A throughput figure: value, its limit, and PostgreSQL alone on the same rows. */
function rateLine(label: string, value: number, limit: number, peerValue: number, unit: string): string {
  return `${label.padEnd(46)} ${fmt(value)} ${unit}   limit ≥ ${limit} (${(value / limit).toFixed(2)}×)   PostgreSQL alone ${fmt(peerValue)} ${unit} (${(value / peerValue).toFixed(2)}×)`;
}

/** A duration figure: seconds, its limit, and PostgreSQL alone on the same rows. */
function timeLine(label: string, seconds: number, limit: number, peerSeconds: number): string {
  return `${label.padEnd(46)} ${fmt(seconds, 2)} s       limit < ${limit} s (${(seconds / limit).toFixed(2)}×)   PostgreSQL alone ${fmt(peerSeconds, 2)} s (${(seconds / peerSeconds).toFixed(2)}×)`;
}

const ms = (seconds: number, per: number) => `${((seconds * 1000) / per).toFixed(3)} ms`;

/**
 * Where one run's CPU went, per request: each collector process (its own requests), PostgreSQL
 * (every backend), the load generator; and cores busy over the run, ours and the whole machine's
 * (the machine is shared, so a wall figure is only as good as the cores that were free).
 */
function cpuLine(label: string, result: LoadResult, requests: number): string {
  const cpu = result.cpu!;
  const ours = ourCpuSeconds(result);
  const perCollector = requests / Math.max(1, cpu.collectors.length);
  const collectorText =
    cpu.collectors.length === 0 ? '' : `collector ${cpu.collectors.map((c) => ms(c, perCollector)).join(' and ')}${cpu.collectors.length > 1 ? ' (each of its own requests)' : ''}, `;
  return `${''.padEnd(4)}${label}: ${collectorText}PostgreSQL ${ms(cpu.postgres, requests)}, load generator ${ms(cpu.load, requests)}; cores busy over ${result.seconds.toFixed(2)} s: ours ${(ours / result.seconds).toFixed(2)}, whole machine ${(cpu.machine / result.seconds).toFixed(2)} of ${availableParallelism()}`;
}

/** Collectors + PostgreSQL + load generator, CPU seconds of one run. */
function ourCpuSeconds(result: LoadResult): number {
  const cpu = result.cpu!;
  return cpu.collectors.reduce((a, b) => a + b, 0) + cpu.postgres + cpu.load;
}

function checked(result: LoadResult, what: string): LoadResult {
  if (result.failed > 0) throw new Error(`${what}: ${result.failed} batches not stored`);
  return result;
}

export async function benchCollectorPostgres(options: CollectorBenchOptions = {}): Promise<string[]> {
  if (!findPostgresBin()) return ['Collector on PostgreSQL: skipped, no PostgreSQL server installed (sudo apt-get install -y postgresql, or npm run setup as root).'];
  const requests = options.requests ?? 6_000;
  const batches = options.batches ?? 60;
  const server = await startPostgresServer({ durable: options.durable });
  const collectors: Collector[] = [];
  const loader = startLoadProcess();
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    // The schema comes from the first collector's own migrations; the stations from here, at once.
    collectors.push(await startCollectorProcess(server.url));
    const keys: Record<string, string> = {};
    const ids: string[] = [];
    const rows: Buffer[] = [];
    for (let s = 0; s < STATIONS; s++) {
      const key = randomBytes(32);
      ids.push(`bench-${s}`);
      rows.push(key);
      keys[`bench-${s}`] = key.toString('base64');
    }
    await admin.query('INSERT INTO stations (id, key) SELECT * FROM unnest($1::text[], $2::bytea[])', [ids, rows]);
    await loader.run({ kind: 'keys', keys });
    const one = [collectors[0]!];
    const watch = (involved: readonly Collector[]) => ({ collectors: involved.map((c) => c.pid), postgres: server.pid });
    const http = (shape: LoadShape, targets = one) =>
      loader.run({ kind: 'post', targets: targets.map((c) => c.url), watch: watch(targets), ...shape }).then((r) => checked(r, 'collector'));
    // The peer holds as many connections as the collector processes do, with as many statements in flight.
    const bare = (shape: LoadShape, connections = DEFAULT_POOL_SIZE) =>
      loader
        .run({ kind: 'peer', databaseUrl: server.url, watch: watch([]), ...shape, concurrency: Math.min(shape.concurrency, connections) })
        .then((r) => checked(r, 'peer'));
    const lines: string[] = [];
    const loadBefore = load();

    // Warm-up: the collector's JIT, its key cache for the first 50 stations, the server's caches.
    await http({ items: 'hourly', count: 500, itemsPer: 1, stations: 50, offset: 900_000, concurrency: CONCURRENCY });

    const single: LoadShape = { items: 'hourly', count: requests, itemsPer: 1, stations: 50, offset: 0, concurrency: CONCURRENCY };
    const reqOne = await http(single);
    const reqPeer = await bare(single);
    lines.push(rateLine(`signed requests, 1 item each (${requests})`, requests / reqOne.seconds, 2_000, requests / reqPeer.seconds, 'req/s'), cpuLine('CPU per request', reqOne, requests), cpuLine('PostgreSQL alone, per batch', reqPeer, requests));

    const bulk: LoadShape = { items: 'hourly', count: batches, itemsPer: 500, stations: 50, offset: 10_000, concurrency: 4 };
    const bulkOne = await http(bulk);
    const bulkPeer = await bare(bulk);
    lines.push(rateLine(`items in 500-item batches (${bulkOne.items})`, bulkOne.items / bulkOne.seconds, 20_000, bulkPeer.items / bulkPeer.seconds, 'items/s'), cpuLine('CPU per 500-item request', bulkOne, batches), cpuLine('PostgreSQL alone, per batch', bulkPeer, batches));

    // Every station once, keys not yet cached (a round is an hour apart, the cache a minute).
    const round: LoadShape = { items: 'hour', count: STATIONS, itemsPer: 13, stations: STATIONS, offset: 100_000, concurrency: 64 };
    const roundOne = await http(round);
    const roundPeer = await bare(round);
    lines.push(timeLine(`hourly round: ${STATIONS} stations × 13 items`, roundOne.seconds, 3, roundPeer.seconds), cpuLine('CPU per station', roundOne, STATIONS), cpuLine('PostgreSQL alone, per batch', roundPeer, STATIONS));

    const drain = checked(await loader.run({ kind: 'drain', target: collectors[0]!.url, stationId: 'bench-1', backlog: BACKLOG }), 'drain');
    const drainPeer = await bare({ items: 'hourly', count: Math.ceil(BACKLOG / 200), itemsPer: 200, stations: 1, offset: 500_000, concurrency: 1 });
    lines.push(timeLine(`30-day backlog of one station (${drain.items} items)`, drain.seconds, 10, drainPeer.seconds));

    collectors.push(await startCollectorProcess(server.url));
    await http({ items: 'hourly', count: 500, itemsPer: 1, stations: 50, offset: 950_000, concurrency: CONCURRENCY }, [collectors[1]!]);
    const reqTwo = await http({ ...single, offset: 300_000 }, collectors);
    // The peer's own scaling: twice the connections, as two collector processes hold.
    const reqPeerTwo = await bare({ ...single, offset: 400_000, concurrency: 2 * CONCURRENCY }, 2 * DEFAULT_POOL_SIZE);
    const scale = reqOne.seconds / reqTwo.seconds;
    const peerScale = reqPeer.seconds / reqPeerTwo.seconds;
    // What the cores allow: every request costs the CPU of all three parts, and there are only so many cores.
    const cores = availableParallelism();
    const ceiling = (cores * requests) / ourCpuSeconds(reqTwo);
    lines.push(
      `${`two collector processes, signed requests`.padEnd(46)} ${fmt(requests / reqTwo.seconds)} req/s   ${scale.toFixed(2)}× one process, limit ≥ 1.6× (${(scale / 1.6).toFixed(2)}×)   PostgreSQL alone on ${2 * DEFAULT_POOL_SIZE} connections ${peerScale.toFixed(2)}× its ${DEFAULT_POOL_SIZE}`,
      cpuLine('CPU per request', reqTwo, requests),
      cpuLine('PostgreSQL alone on 20 connections, per batch', reqPeerTwo, requests),
      `${''.padEnd(4)}${cores} cores ÷ ${ms(ourCpuSeconds(reqTwo), requests)} of CPU per request (collector + PostgreSQL + load generator) = ${ceiling.toFixed(0)} req/s at most with every core ours: ${(ceiling / (requests / reqOne.seconds)).toFixed(2)}× what one process did; reached ${(requests / reqTwo.seconds / ceiling).toFixed(2)} of it`,
    );
    await admin.end();
    return [
      `Collector on PostgreSQL ${server.version} (loopback, fsync ${options.durable ? 'on' : 'off'}): npm run collector as separate processes, load from a third; ${CONCURRENCY} HTTP connections and ${DEFAULT_POOL_SIZE} to PostgreSQL per collector (the peer the same); load average ${loadBefore} → ${load()}`,
      ...lines,
    ];
  } finally {
    await loader.stop();
    for (const c of collectors) await c.stop();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  console.log((await benchCollectorPostgres({ durable: process.argv.includes('--durable'), requests: arg('requests'), batches: arg('batches') })).join('\n'));
}
