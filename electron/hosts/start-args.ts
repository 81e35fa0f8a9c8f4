/** Command-line options shared by `npm start` (electron/start.ts) and the Electron main. */

/** Parsed options. Absent values mean "use the default". */
export interface StartArgs {
  /** Never open a browser window, only print the URL. */
  readonly headless: boolean;
  /** A devices.json to use instead of the one in the data directory. */
  readonly configPath?: string;
  /** Browser host port on 127.0.0.1. 0 or absent: the one it used last time (saved in the data dir) when free, else any free one. */
  readonly port?: number;
  readonly dataDir?: string;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = 'Usage: npm start -- [--headless] [--config FILE] [--port N] [--data-dir DIR]';

/**
 * Parses `argv` (without the node and script entries). Accepts `--flag value` and
 * `--flag=value`. With `strict`, an unknown argument is a `UsageError`; without it (the
 * Electron main, which also receives Chromium's switches) unknown arguments are skipped.
 */
export function parseStartArgs(argv: readonly string[], strict = true): StartArgs {
  let headless = false;
  let configPath: string | undefined;
  let port: number | undefined;
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) {
        throw new UsageError(`${name} needs a value. ${USAGE}`);
      }
      return v;
    };
    switch (name) {
      case '--headless':
        headless = true;
        break;
      case '--config':
        configPath = value();
        break;
      case '--data-dir':
        dataDir = value();
        break;
      case '--port':
        port = parsePort(value());
        break;
      default:
        if (strict) throw new UsageError(`Unknown argument ${arg}. ${USAGE}`);
    }
  }
  return { headless, configPath, port, dataDir };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`--port must be 0–65535, got ${text}`);
  return port;
}

/** The same options as arguments again, for handing them on to the Electron main. */
export function formatStartArgs(args: StartArgs): string[] {
  return [
    ...(args.headless ? ['--headless'] : []),
    ...(args.configPath ? ['--config', args.configPath] : []),
    ...(args.dataDir ? ['--data-dir', args.dataDir] : []),
    ...(args.port !== undefined ? ['--port', String(args.port)] : []),
  ];
}
