/**
 * The auto-start files: the systemd user unit passes `systemd-analyze --user verify` (a real
 * parse by systemd; where systemd-analyze is missing, a key check instead) and restarts the
 * kiosk whatever ends it; the Windows scheduled task is UTF-16 XML as schtasks wants it, and
 * the NSIS include installs and removes it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../electron/hosts/app-paths';

const DIR = join(REPO_ROOT, 'resources', 'autostart');
const UNIT_NAME = 'rest-station-kiosk.service';
const unit = readFileSync(join(DIR, UNIT_NAME), 'utf8');
const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';

/** Sections and their `key=value` lines (comments skipped), as systemd reads them. */
function parseUnit(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq <= 0) throw new Error(`not a unit line: ${line}`);
    current.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return sections;
}

describe('auto-start', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** systemd-analyze --user verify on `text` (ExecStart pointed at an executable that exists here); its complaints. */
  const verify = (text: string): { status: number | null; complaints: string } => {
    const dir = mkdtempSync(join(tmpdir(), 'unit-'));
    dirs.push(dir);
    const path = join(dir, UNIT_NAME);
    writeFileSync(path, text.replace('ExecStart=/usr/bin/rest-station-kiosk', `ExecStart=${process.execPath}`));
    const run = spawnSync(SYSTEMD_ANALYZE, ['--user', 'verify', path], { encoding: 'utf8', env: { ...process.env, XDG_RUNTIME_DIR: dir } });
    return { status: run.status, complaints: `${run.stdout}${run.stderr}`.trim() };
  };

  it('the systemd user unit starts the packaged binary and restarts it after any stop, without a start limit', () => {
    const sections = parseUnit(unit);
    expect([...sections.keys()]).toEqual(['Unit', 'Service', 'Install']);
    expect(sections.get('Service')?.get('ExecStart')).toBe('/usr/bin/rest-station-kiosk');
    expect(sections.get('Service')?.get('Restart')).toBe('always');
    expect(sections.get('Service')?.get('RestartSec')).toBe('2');
    expect(sections.get('Unit')?.get('StartLimitIntervalSec')).toBe('0');
    expect(sections.get('Install')?.get('WantedBy')).toBe('graphical-session.target');
  });

  it('systemd-analyze verifies the unit without a complaint, and does complain about a broken one', () => {
    if (!existsSync(SYSTEMD_ANALYZE)) {
      // Without systemd the parse above is the check; say so rather than pass silently.
      console.warn('systemd-analyze not installed: the unit was parse-checked only');
      return;
    }
    expect(verify(unit)).toEqual({ status: 0, complaints: '' });
    expect(verify(unit.replace('Restart=always', 'Restart=sometimes')).complaints).toMatch(/Failed to parse service restart specifier/);
  });

  it('the Windows task is UTF-16 XML: at sign-in and every 5 minutes, one instance, no time limit, the installed exe', () => {
    const bytes = readFileSync(join(DIR, 'windows-task.xml'));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const xml = bytes.subarray(2).toString('utf16le');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-16"?>')).toBe(true);
    expect(xml).toContain('<LogonTrigger>');
    expect(xml).toMatch(/<Repetition>\s*<Interval>PT5M<\/Interval>/);
    expect(xml).toContain('<MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>');
    expect(xml).toContain('<ExecutionTimeLimit>PT0S</ExecutionTimeLimit>');
    expect(xml).toContain('<Command>%KIOSK_EXE%</Command>');
    // Every element opened is closed (a cheap well-formedness check, no XML parser needed).
    const opened = [...xml.matchAll(/<([A-Za-z]+)[\s>]/g)].map((m) => m[1]);
    for (const name of new Set(opened)) expect(xml, name).toContain(`</${name}>`);
  });

  it('the NSIS include creates the task on install and deletes it on uninstall', () => {
    const nsh = readFileSync(join(DIR, 'windows-autostart.nsh'), 'utf8');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*schtasks \/Create \/F \/TN "Rest Station Kiosk" \/XML[\s\S]*!macroend/);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*schtasks \/Delete \/F \/TN "Rest Station Kiosk"[\s\S]*!macroend/);
    expect(nsh).toContain('${BUILD_RESOURCES_DIR}\\autostart\\windows-task.xml');
  });
});
