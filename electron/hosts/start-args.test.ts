import { describe, expect, it } from 'vitest';
import { formatStartArgs, parseStartArgs, UsageError } from './start-args';

describe('parseStartArgs', () => {
  it('defaults to a windowed start with nothing overridden', () => {
    expect(parseStartArgs([])).toEqual({ headless: false, configPath: undefined, port: undefined, dataDir: undefined });
  });

  it('reads every option in both spellings', () => {
    expect(parseStartArgs(['--headless', '--config', 'a.json', '--port=8080', '--data-dir', '/tmp/st'])).toEqual({
      headless: true,
      configPath: 'a.json',
      port: 8080,
      dataDir: '/tmp/st',
    });
    expect(parseStartArgs(['--port', '0']).port).toBe(0);
  });

  it.each([[['--port']], [['--port', 'http']], [['--port', '70000']], [['--config', '--headless']], [['--bogus']], [['--port=']]])(
    'refuses %j',
    (argv) => {
      expect(() => parseStartArgs(argv)).toThrow(UsageError);
    },
  );

  it('skips unknown (Chromium) switches when not strict', () => {
    expect(parseStartArgs(['--no-sandbox', '--headless'], false).headless).toBe(true);
  });

  it('round-trips through formatStartArgs', () => {
    const args = { headless: true, configPath: 'd.json', port: 9000, dataDir: '/data' };
    expect(parseStartArgs(formatStartArgs(args))).toEqual(args);
  });
});
