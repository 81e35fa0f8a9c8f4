/**
 * The steward console drawn to HTML: the test ids end-to-end tests rely on, the PIN never in
 * the markup, overdue markers, the action → reason → result sheet and "open all" in both languages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LockerView } from '../../common/lockers';
import { ok } from '../../common/result';
import type { StationClient } from '../../common/contract';
import { createHtmlRenderer, type RenderToHtml } from '../screens/render-to-html';
import { Keypad } from '../components/Keypad';
import { OpenAllButton } from './components/OpenAllButton';
import { OpenAllResult } from './components/OpenAllResult';
import { StewardActionSheet } from './components/StewardActionSheet';
import { StewardLockerTile } from './components/StewardLockerTile';
import { StewardSetupPanel } from './components/StewardSetupPanel';
import { SignInPanel } from './SignInPanel';

let html: RenderToHtml;
beforeAll(async () => {
  html = await createHtmlRenderer();
});
const noop = (): void => undefined;

const NOW = 1_700_000_000_000;
const charging: LockerView = {
  lockerNumber: 12,
  cable: 'lightning',
  state: 'charging',
  doorClosed: true,
  itemPresent: true,
  session: { sessionId: 4, holder: 'guest', startedAtMs: 1, dueAtMs: 2, overdue: true },
};

/** Drawing never calls the station; a client that throws proves it. */
const noClient = new Proxy({}, { get: () => { throw new Error('no calls while drawing'); } }) as StationClient;
const SIGNED_IN = { session: 'A'.repeat(32), name: 'First steward', role: 'cadre' as const, idleSeconds: 120 };

describe('SignInPanel', () => {
  it('asks for the steward card, with "PIN only" only where a steward has no card', () => {
    const tap = html(<SignInPanel state={{ stage: 'tap', pinOnly: false, tapAgain: false }} dispatch={noop} client={noClient} exit={null} />);
    expect(tap).toContain('data-testid="screen-steward-tap"');
    expect(tap).toContain('Tap your steward card on the reader');
    expect(tap).not.toContain('steward-pin-only');
    expect(html(<SignInPanel state={{ stage: 'tap', pinOnly: true, tapAgain: true }} dispatch={noop} client={noClient} exit={null} />, 'zh-CN')).toMatch(
      /请在读卡器上刷管理员卡.*data-testid="steward-tap-again".*data-testid="steward-pin-only"/s,
    );
  });

  it('the PIN keypad names the steward whose card was tapped, and says how many tries are left', () => {
    const markup = html(
      <SignInPanel
        state={{ stage: 'pin', pinOnly: false, pending: 'B'.repeat(32), name: '王芳', digits: '24', problem: { kind: 'wrong', attemptsLeft: 1 }, checking: false }}
        dispatch={noop}
        client={noClient}
        exit={null}
      />,
    );
    expect(markup).toContain('data-testid="screen-steward-pin"');
    expect(markup).toContain('PIN for 王芳');
    expect(markup).toContain('data-testid="steward-pin-submit"');
    expect(markup).not.toContain('data-testid="keypad-submit"');
    for (let d = 0; d <= 9; d++) expect(markup).toContain(`data-testid="keypad-${d}"`);
    expect(markup).toContain('Wrong PIN. 1 try left before a 15-minute lockout');
    const locked = html(
      <SignInPanel state={{ stage: 'pin', pinOnly: true, pending: null, name: null, digits: '', problem: { kind: 'locked-out', retryAfterSeconds: 840 }, checking: false }} dispatch={noop} client={noClient} exit={null} />,
      'zh-CN',
    );
    expect(locked).toContain('管理员密码');
    expect(locked).toContain('请 14 分钟后再试');
  });
});

describe('OpenAllButton', () => {
  it('starts as one button; nothing is sent from drawing it', () => {
    const markup = html(<OpenAllButton openAll={async () => { throw new Error('not sent'); }} />);
    expect(markup).toContain('data-testid="open-all"');
    expect(markup).toContain('Emergency: open all');
    expect(html(<OpenAllButton openAll={async () => ok({ opened: [], failed: [], boards: [] })} />, 'zh-CN')).toContain('紧急：全部打开');
  });
});

describe('OpenAllResult', () => {
  const outcome = {
    opened: [1, 2, 4, 5, 6, 9],
    failed: [{ lockerNumber: 3, reason: 'jammed' }, { lockerNumber: 7, reason: 'no-reply' }, { lockerNumber: 10, reason: 'offline' }, { lockerNumber: 11, reason: 'offline' }, { lockerNumber: 12, reason: 'strange' }],
    boards: [
      { bus: 'wall', board: 1, method: 'board-command' as const, commandUnanswered: false, lockers: [1, 2, 3, 4] },
      { bus: 'wall', board: 2, method: 'one-by-one' as const, commandUnanswered: false, lockers: [5, 6, 7] },
      { bus: 'wall', board: 3, method: 'one-by-one' as const, commandUnanswered: true, lockers: [8, 9, 12] },
      { bus: 'side', board: 1, method: 'one-by-one' as const, commandUnanswered: false, lockers: [10, 11] },
    ],
  };
  const lines = (markup: string) => [...markup.matchAll(/<li data-testid="open-all-board-([^"]+)" data-method="([^"]+)">([^<]*)<\/li>/g)].map((m) => [m[1], m[2], m[3]!.replace(/<!-- -->/g, '')]);

  it('says per board how it was opened and how many opened, and each lock that did not with why', () => {
    const markup = html(<OpenAllResult outcome={outcome} />);
    expect(lines(markup)).toEqual([
      ['wall-1', 'board-command', 'Board 1 on wall: one board command: 3 of 4 opened'],
      ['wall-2', 'one-by-one', 'Board 2 on wall: one lock at a time: 2 of 3 opened'],
      ['wall-3', 'one-by-one', 'Board 3 on wall: no answer to the board command, so one lock at a time: 1 of 3 opened'],
      ['side-1', 'unreachable', 'Board 1 on side: not reachable: nothing sent'],
    ]);
    expect(markup).toContain('6 doors opened, 5 did not');
    expect(markup).toContain('Not opened: 3 (lock did not open), 7 (no answer), 10 (board not reachable), 11 (board not reachable), 12 (failed)');
  });

  it('in Chinese too', () => {
    const markup = html(<OpenAllResult outcome={outcome} />, 'zh-CN');
    expect(lines(markup).map((l) => l[2])).toEqual([
      'wall 的 1 号控制板：整板一条指令：已开 3 / 4',
      'wall 的 2 号控制板：逐个开锁：已开 2 / 3',
      'wall 的 3 号控制板：整板指令无应答，改为逐个开锁：已开 1 / 3',
      'side 的 1 号控制板：无法连接：未发送指令',
    ]);
    expect(markup).toContain('未打开：3 号（锁未打开）、7 号（无应答）、10 号（控制板无法连接）');
  });
});

describe('StewardSetupPanel', () => {
  it('asks for the 8-digit setup code first, in both languages, with its own submit key', () => {
    const markup = html(<StewardSetupPanel setUp={async () => ok(SIGNED_IN)} onSetUp={noop} exit={null} />);
    expect(markup).toContain('data-testid="screen-steward-setup"');
    expect(markup).toContain('data-step="code"');
    expect(markup).toContain('data-testid="steward-setup-submit"');
    expect((markup.match(/class="code-box"/g) ?? []).length).toBe(8);
    expect(markup).toContain('First steward: setup code');
    expect(html(<StewardSetupPanel setUp={async () => ok(SIGNED_IN)} onSetUp={noop} exit={null} />, 'zh-CN')).toContain('首位管理员：设置码');
  });
});

describe('Keypad masked for a PIN', () => {
  it('shows dots, never the digits, in the boxes or the attributes', () => {
    const markup = html(
      <Keypad digits="2468" length={8} disabled={false} canSubmit onKey={noop} onSubmit={noop} masked submitTestId="steward-pin-submit" />,
    );
    const boxes = /<div[^>]*data-testid="code-digits".*?<\/div>/.exec(markup)?.[0] ?? '';
    expect(boxes).toContain('code-box');
    expect(boxes).not.toMatch(/[0-9]</);
    expect(boxes.match(/>•</g)).toHaveLength(4);
    expect(markup).not.toContain('2468');
    expect(markup).toContain('data-length="4"');
    expect(markup).not.toContain('data-value');
  });

  it('the pickup-code keypad is unchanged: digits shown, data-value kept', () => {
    const markup = html(<Keypad digits="0429" length={6} disabled={false} canSubmit={false} onKey={noop} onSubmit={noop} />);
    expect(markup).toContain('data-value="0429"');
    expect(markup).toContain('data-testid="keypad-submit"');
    expect(markup).toContain('>Open<');
  });
});

describe('StewardLockerTile', () => {
  it('carries the number, state, flags and the overdue marker', () => {
    const markup = html(<StewardLockerTile locker={charging} selected={false} onSelect={noop} nowMs={NOW} />);
    expect(markup).toMatch(/data-testid="steward-locker-12"[^>]*data-state="charging"/);
    expect(markup).toContain('data-testid="steward-overdue-12"');
    expect(markup).toContain('Charging');
    expect(markup).toContain('Lightning');
    expect(markup).toContain('Guest');
    expect(markup).toContain('Phone inside');
    expect(html(<StewardLockerTile locker={charging} selected onSelect={noop} nowMs={NOW} />, 'zh-CN')).toContain('已超时');
  });

  it('no overdue marker for a session in time or a free locker', () => {
    const inTime = { ...charging, session: { ...charging.session!, overdue: false } };
    expect(html(<StewardLockerTile locker={inTime} selected={false} onSelect={noop} nowMs={NOW} />)).not.toContain('steward-overdue');
    const free: LockerView = { ...charging, state: 'free', session: null, doorClosed: false, itemPresent: null };
    const markup = html(<StewardLockerTile locker={free} selected={false} onSelect={noop} nowMs={NOW} />);
    expect(markup).not.toContain('steward-overdue');
    expect(markup).toContain('Door open');
  });

  it('says how long a door has been open and a phone has been charging', () => {
    const claimedOpen: LockerView = {
      ...charging,
      state: 'claimed',
      doorClosed: false,
      session: { ...charging.session!, startedAtMs: null, overdue: false, doorOpenSinceMs: NOW - 7 * 60_000 - 5_000 },
    };
    expect(html(<StewardLockerTile locker={claimedOpen} selected={false} onSelect={noop} nowMs={NOW} />)).toMatch(/data-testid="steward-door-open-12"[^>]*>Door open 7 min</);
    const long = { ...charging, session: { ...charging.session!, startedAtMs: NOW - 83 * 60_000 } };
    expect(html(<StewardLockerTile locker={long} selected={false} onSelect={noop} nowMs={NOW} />)).toMatch(/data-testid="steward-charging-for-12"[^>]*>Charging 1 h 23 min</);
    expect(html(<StewardLockerTile locker={long} selected={false} onSelect={noop} nowMs={NOW} />, 'zh-CN')).toContain('已充电 1 小时 23 分');
  });
});

describe('StewardActionSheet', () => {
  const sheet = (step: Parameters<typeof StewardActionSheet>[0]['step'], lng: 'en' | 'zh-CN' = 'en') =>
    html(<StewardActionSheet step={step} locker={charging} onChoose={noop} onReason={noop} />, lng);
  const offered = (locker: LockerView) =>
    [...html(<StewardActionSheet step={{ kind: 'actions', lockerNumber: locker.lockerNumber }} locker={locker} onChoose={noop} onReason={noop} />)
      .matchAll(/data-testid="steward-action-([a-z-]+)"/g)].map((m) => m[1]);

  it('offers only the actions that fit the locker as it is', () => {
    const markup = sheet({ kind: 'actions', lockerNumber: 12 });
    expect(markup).toContain('Locker 12');
    // Back is in the bottom bar beside Exit, not in the sheet.
    expect(markup).not.toContain('data-testid="steward-back"');
    expect(offered(charging)).toEqual(['remote-open', 'mark-faulty', 'end-session']);
    const free: LockerView = { ...charging, state: 'free', session: null, doorClosed: true };
    expect(offered(free)).toEqual(['remote-open', 'mark-faulty']);
    expect(offered({ ...free, doorClosed: false })).toEqual(['mark-faulty']);
    expect(offered({ ...free, state: 'faulty' })).toEqual(['remote-open', 'mark-repaired']);
    expect(offered({ ...charging, state: 'claimed', doorClosed: false })).toEqual(['mark-faulty', 'end-session']);
    expect(offered({ ...free, state: 'disabled' })).toEqual(['remote-open']);
    const offline = html(<StewardActionSheet step={{ kind: 'actions', lockerNumber: 12 }} locker={{ ...free, state: 'offline' }} onChoose={noop} onReason={noop} />);
    expect(offline).not.toContain('steward-action-');
    expect(offline).toContain('data-testid="steward-no-actions"');
  });

  it('asks for one of three preset reasons; they are disabled while sending', () => {
    const reason = sheet({ kind: 'reason', lockerNumber: 12, action: 'mark-faulty' });
    expect(reason).toContain('data-testid="steward-reason-0"');
    expect(reason).toContain('data-testid="steward-reason-2"');
    expect(reason).not.toContain('steward-reason-3');
    expect(reason).toContain('Door does not open');
    const sending = sheet({ kind: 'sending', lockerNumber: 12, action: 'mark-faulty' });
    expect(sending).toMatch(/data-testid="steward-reason-0"[^>]*disabled=""|disabled=""[^>]*data-testid="steward-reason-0"/);
    expect(sending).toContain('data-testid="steward-action-sending"');
  });

  it('shows done or failed', () => {
    const done = sheet({ kind: 'result', lockerNumber: 12, action: 'end-session', ok: true });
    expect(done).toContain('data-testid="steward-action-done"');
    expect(done).not.toContain('steward-action-failed');
    const failed = sheet({ kind: 'result', lockerNumber: 12, action: 'end-session', ok: false }, 'zh-CN');
    expect(failed).toContain('data-testid="steward-action-failed"');
    expect(failed).toContain('没有成功');
  });
});
