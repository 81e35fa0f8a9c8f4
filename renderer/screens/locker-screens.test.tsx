/**
 * The locker screens drawn to HTML (no browser): the test ids end-to-end tests rely on, which
 * buttons are disabled, and that the English and Chinese texts both come out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LockerAvailability } from '../../common/lockers';
import { TEST_STATION_INFO } from '../app/test-station-info';
import { createHtmlRenderer, type RenderToHtml } from './render-to-html';
import { ChargePanel } from '../components/ChargePanel';
import { DoorAlarm } from '../components/DoorAlarm';
import { CodeEntryScreen, formatCountdown } from './CodeEntryScreen';
import { LockerCableScreen } from './LockerCableScreen';
import { LockerMessageScreen } from './LockerMessageScreen';
import { LockerOpenScreen } from './LockerOpenScreen';
import { PickupCodeScreen } from './PickupCodeScreen';
import { AttractScreen } from './AttractScreen';
import { OfferList } from '../components/OfferList';
import { LockerOfferContext } from '../app/locker-offer-context';
import type { LockerOffer } from '../app/locker-flow';

let html: RenderToHtml;
beforeAll(async () => {
  html = await createHtmlRenderer();
});
const noop = (): void => undefined;
const asyncNoop = async (): Promise<boolean> => true;

/** The opening tag of the element with this test id. */
const tagOf = (markup: string, testId: string): string => {
  const match = new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`).exec(markup);
  if (!match) throw new Error(`no element with data-testid="${testId}" in ${markup}`);
  return match[0];
};
const isDisabled = (markup: string, testId: string): boolean => /\sdisabled=""/.test(tagOf(markup, testId));

describe('ChargePanel', () => {
  const panel = (offer: Parameters<typeof ChargePanel>[0]['offer']) =>
    html(<ChargePanel offer={offer} held={null} onOpenMine={null} onCharge={noop} />);

  it('ready: an enabled "Charge my phone" and no warning', () => {
    const markup = panel('ready');
    expect(isDisabled(markup, 'charge-button')).toBe(false);
    expect(markup).toContain('Charge my phone');
    expect(markup).not.toContain('locker-unavailable');
  });

  it('full and offline: disabled, with the reason in plain words', () => {
    const full = panel('full');
    expect(isDisabled(full, 'charge-button')).toBe(true);
    expect(tagOf(full, 'locker-unavailable')).toContain('data-reason="full"');
    expect(full).toContain('All charging lockers are in use');
    const offline = panel('offline');
    expect(isDisabled(offline, 'charge-button')).toBe(true);
    expect(offline).toContain('Charging lockers are not working right now');
  });

  it('checking: disabled while the answer is on its way', () => {
    expect(isDisabled(panel('checking'), 'charge-button')).toBe(true);
  });

  it('hidden: nothing at all', () => {
    expect(panel('hidden')).toBe('');
  });

  it('a held locker: number, times and "Open my locker" instead of the charge button', () => {
    const markup = html(
      <ChargePanel
        offer="ready"
        held={{ sessionId: 3, lockerNumber: 14, startedAtMs: null, dueAtMs: Date.UTC(2026, 0, 1, 12, 0) }}
        onOpenMine={asyncNoop}
        onCharge={noop}
      />,
    );
    expect(markup).toMatch(/data-testid="held-locker-number"[^>]*>14</);
    expect(markup).toContain('data-testid="open-my-locker"');
    expect(markup).toContain('Collect by');
    expect(markup).not.toContain('charge-button');
  });
});

describe('LockerCableScreen', () => {
  const lockers: LockerAvailability = {
    state: 'ready',
    free: [{ cable: 'usb-c', count: 2 }, { cable: 'lightning', count: 0 }, { cable: 'micro-usb', count: 1 }],
    maxMinutes: 240,
    doorsLeftOpen: [],
  };

  it('lockers offline: says "unavailable", never "none free", and no cable can be chosen', () => {
    const offline: LockerAvailability = { ...lockers, state: 'offline', free: lockers.free.map((f) => ({ ...f, count: 0 })) };
    for (const offer of [offline, 'failed'] as const) {
      const markup = html(<LockerCableScreen lockers={offer} noneFree={null} onPick={async () => undefined} onBack={noop} />);
      expect(tagOf(markup, 'locker-unavailable')).toContain('data-reason="offline"');
      expect(markup).not.toContain('None free');
      for (const cable of ['usb-c', 'lightning', 'micro-usb']) expect(isDisabled(markup, `cable-${cable}`)).toBe(true);
      expect(html(<LockerCableScreen lockers={offer} noneFree={null} onPick={async () => undefined} onBack={noop} />, 'zh-CN')).not.toContain('已满');
    }
  });

  it('offers every cable with its free count; one with none free is disabled', () => {
    const markup = html(<LockerCableScreen lockers={lockers} noneFree={null} onPick={async () => undefined} onBack={noop} />);
    expect(isDisabled(markup, 'cable-usb-c')).toBe(false);
    expect(isDisabled(markup, 'cable-lightning')).toBe(true);
    expect(isDisabled(markup, 'cable-micro-usb')).toBe(false);
    expect(tagOf(markup, 'cable-usb-c')).toContain('data-free="2"');
    expect(markup).toContain('2 free');
    expect(markup).toContain('None free');
    expect(markup).not.toContain('locker-none-free');
  });

  it('says when the chosen cable had none free after all', () => {
    const markup = html(<LockerCableScreen lockers="checking" noneFree="usb-c" onPick={async () => undefined} onBack={noop} />);
    expect(tagOf(markup, 'locker-none-free')).toContain('data-cable="usb-c"');
    // Counts unknown: every cable may be tried.
    expect(isDisabled(markup, 'cable-lightning')).toBe(false);
  });
});

describe('none free: a way on', () => {
  const due = new Date(2026, 0, 5, 14, 30).getTime();
  const lightningFull: LockerAvailability = {
    state: 'ready',
    free: [{ cable: 'usb-c', count: 2 }, { cable: 'lightning', count: 0, nextDueAtMs: due }, { cable: 'micro-usb', count: 0 }],
    maxMinutes: 240,
    doorsLeftOpen: [],
  };

  it('names the cable, points to the cables that are free, and says when one is due back', () => {
    const markup = html(<LockerCableScreen lockers={lightningFull} noneFree="lightning" onPick={async () => undefined} onBack={noop} />);
    expect(markup).toContain('No Lightning locker is free right now');
    expect(markup).toContain('Free now with another cable: USB-C');
    expect(markup).toContain('A Lightning locker should be free by about 14:30');
    expect(tagOf(markup, 'cable-usb-c')).toContain('is-suggested');
    expect(tagOf(markup, 'cable-micro-usb')).not.toContain('is-suggested');
    expect(markup).toMatch(/data-testid="cable-due-lightning"[^>]*>Free by about 14:30</);
    const zh = html(<LockerCableScreen lockers={lightningFull} noneFree="lightning" onPick={async () => undefined} onBack={noop} />, 'zh-CN');
    expect(zh).toContain('其他充电线还有空柜：USB-C（Type-C）');
    expect(zh).toContain('预计 14:30 左右会有 苹果 Lightning 空柜');
  });

  it('with nothing free and nothing due, says to try later', () => {
    const none: LockerAvailability = { state: 'full', free: [{ cable: 'usb-c', count: 0 }, { cable: 'lightning', count: 0 }, { cable: 'micro-usb', count: 0 }], maxMinutes: 240, doorsLeftOpen: [] };
    const markup = html(<LockerCableScreen lockers={none} noneFree="usb-c" onPick={async () => undefined} onBack={noop} />);
    expect(markup).toContain('Please try again later or ask a steward');
    expect(markup).not.toContain('locker-other-cables');
  });
});

describe('today\'s offers follow the lockers', () => {
  const offers = TEST_STATION_INFO.todayOffers;
  const list = (lockers: LockerOffer) =>
    html(
      <LockerOfferContext.Provider value={lockers}>
        <OfferList offers={[...offers, { id: 'phone-charging', title: { 'zh-CN': '手机充电', en: 'Phone charging' }, hours: '', icon: 'charging' }]} />
      </LockerOfferContext.Provider>,
    );
  it('"Phone charging" says full or not working instead of "All day"', () => {
    const ready: LockerAvailability = { state: 'ready', free: [{ cable: 'usb-c', count: 1 }], maxMinutes: 240, doorsLeftOpen: [] };
    expect(tagOf(list(ready), 'offer-phone-charging')).toContain('data-status="as-configured"');
    expect(list({ ...ready, state: 'full' })).toMatch(/data-testid="offer-phone-charging"[^>]*data-status="full".*?Full right now/);
    expect(list({ ...ready, state: 'offline' })).toMatch(/data-testid="offer-phone-charging"[^>]*data-status="unavailable".*?Not working right now/);
    expect(list('failed')).toContain('Not working right now');
  });
});

describe('door and code screens', () => {
  const opened = { sessionId: 4, lockerNumber: 5, holder: 'guest', maxMinutes: 240, skippedFaulty: [3] } as const;

  it('locker open: the number, what to do, and the skipped faulty locker', () => {
    const markup = html(<LockerOpenScreen opened={opened} onDone={noop} />);
    expect(markup).toContain('data-testid="screen-locker-open"');
    expect(markup).toMatch(/data-testid="locker-number"[^>]*>5</);
    expect(markup).toContain('Locker 3 would not open, we opened locker 5 instead');
    expect(html(<LockerOpenScreen opened={opened} onDone={noop} />, 'zh-CN')).toContain('3 号柜打不开，已为您打开 5 号柜');
  });

  const printed = async () => 'printed' as const;
  it('pickup code: the six digits, the locker and "I have it", no Done button', () => {
    const markup = html(<PickupCodeScreen opened={opened} pickupCode="042917" onNoted={noop} printerReady={null} onPrint={printed} />);
    expect(markup).toMatch(/data-testid="pickup-code"[^>]*>042917</);
    expect(markup).toMatch(/data-testid="locker-number"[^>]*>5</);
    expect(markup).toContain('data-testid="pickup-code-done"');
    expect(markup).not.toContain('done-button');
  });

  it('pickup code: a slip button only where the station has a printer, disabled while it cannot print', () => {
    expect(html(<PickupCodeScreen opened={opened} pickupCode="042917" onNoted={noop} printerReady={null} onPrint={printed} />)).not.toContain('pickup-code-print');
    const ready = html(<PickupCodeScreen opened={opened} pickupCode="042917" onNoted={noop} printerReady onPrint={printed} />);
    expect(tagOf(ready, 'pickup-code-print')).not.toContain('disabled');
    expect(ready).toContain('Print a slip');
    expect(ready).toContain('write it down or print it');
    const notReady = html(<PickupCodeScreen opened={opened} pickupCode="042917" onNoted={noop} printerReady={false} onPrint={printed} />, 'zh-CN');
    expect(tagOf(notReady, 'pickup-code-print')).toContain('disabled');
    expect(notReady).toContain('打印取件单');
  });

  const entry = (props: Partial<Parameters<typeof CodeEntryScreen>[0]>) => (
    <CodeEntryScreen
      step="code"
      lockerNumber={8}
      digits=""
      problem={null}
      onKey={noop}
      onNext={noop}
      onChangeLocker={noop}
      onSubmit={asyncNoop}
      onLostCode={asyncNoop}
      onBack={noop}
      {...props}
    />
  );

  it('keypad, first step: the locker number, up to three digits, "Next" once it is 1–999', () => {
    const empty = html(entry({ step: 'locker', lockerNumber: null }));
    expect(empty).toContain('Which locker is your phone in?');
    expect(isDisabled(empty, 'keypad-next')).toBe(true);
    expect(empty).not.toContain('data-testid="keypad-submit"');
    expect(empty).not.toContain('data-testid="lost-code"');
    expect(isDisabled(html(entry({ step: 'locker', lockerNumber: null, digits: '000' })), 'keypad-next')).toBe(true);
    const typed = html(entry({ step: 'locker', lockerNumber: null, digits: '12' }));
    expect(isDisabled(typed, 'keypad-next')).toBe(false);
    expect(tagOf(typed, 'code-digits')).toContain('data-length="2"');
    expect(html(entry({ step: 'locker', lockerNumber: null }), 'zh-CN')).toContain('您的手机在几号柜？');
  });

  it('keypad, second step: names the locker, offers "Change locker" and "Lost your code?"', () => {
    const markup = html(entry({}));
    expect(markup).toContain('The 6 digits you got for locker 8');
    expect(markup).toContain('data-testid="change-locker"');
    expect(markup).toContain('data-testid="lost-code"');
    const refused = html(entry({ problem: { kind: 'not-open' } }));
    expect(refused).toContain('shown again only while the locker door is still open');
  });

  it('keypad: ten digits, backspace and submit; submit only with six digits', () => {
    const partial = html(entry({ digits: '123' }));
    for (let d = 0; d <= 9; d++) expect(isDisabled(partial, `keypad-${d}`)).toBe(false);
    expect(isDisabled(partial, 'keypad-back')).toBe(false);
    expect(isDisabled(partial, 'keypad-submit')).toBe(true);
    expect(tagOf(partial, 'code-digits')).toContain('data-value="123"');
    const full = html(entry({ digits: '123456' }));
    expect(isDisabled(full, 'keypad-submit')).toBe(false);
  });

  it('wrong code shows attempts left; a lockout disables every key and counts down', () => {
    const wrong = html(entry({ problem: { kind: 'wrong-code', attemptsLeft: 1 } }));
    expect(tagOf(wrong, 'wrong-code')).toContain('data-attempts-left="1"');
    expect(wrong).toContain('Wrong code. 1 try left');
    const locked = html(entry({ problem: { kind: 'locked-out', untilMs: Date.now() + 90_000 } }));
    expect(tagOf(locked, 'locked-out')).toMatch(/data-seconds="(90|89)"/);
    expect(tagOf(locked, 'locked-out')).toContain('data-locker="8"');
    expect(locked).toMatch(/Too many wrong codes for locker 8\. Try again in 1:(30|29)/);
    for (let d = 0; d <= 9; d++) expect(isDisabled(locked, `keypad-${d}`)).toBe(true);
    const expired = html(entry({ problem: { kind: 'locked-out', untilMs: Date.now() - 1 } }));
    expect(expired).not.toContain('data-testid="locked-out"');
    expect(isDisabled(expired, 'keypad-1')).toBe(false);
  });

  it('formats the lockout as minutes and seconds', () => {
    expect([0, 9, 60, 90, 600].map(formatCountdown)).toEqual(['0:00', '0:09', '1:00', '1:30', '10:00']);
  });

  it('door alarm names the lockers', () => {
    expect(html(<DoorAlarm lockerNumbers={[9]} />)).toContain('Please shut the door of locker 9');
    expect(html(<DoorAlarm lockerNumbers={[9]} />, 'zh-CN')).toContain('请关好 9 号柜门');
    expect(html(<DoorAlarm lockerNumbers={[2, 9]} />)).toContain('Please shut the door of locker 2, 9');
  });

  it('pickup code: no advice to photograph the code, in either language', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const markup = html(<PickupCodeScreen opened={opened} pickupCode="042917" onNoted={noop} printerReady onPrint={async () => 'printed'} />, lang);
      expect(markup).not.toMatch(/photo|拍照|照片/i);
    }
  });
});

describe('messages and attract', () => {
  it('each problem has its own test id and words', () => {
    const cases = [
      ['unavailable', 'locker-unavailable', 'Charging lockers are not working right now'],
      ['lock-failed', 'locker-lock-failed', 'Locker 7 would not open'],
      ['no-locker', 'locker-no-locker', 'You have no phone in a locker'],
      ['tap-again', 'locker-tap-again', 'Please tap your card again'],
      ['failed', 'locker-failed', 'That did not work'],
    ] as const;
    for (const [problem, testId, text] of cases) {
      const markup = html(<LockerMessageScreen problem={problem} lockerNumber={problem === 'lock-failed' ? 7 : null} onDone={noop} />);
      expect(markup, problem).toContain(`data-testid="${testId}"`);
      expect(markup, problem).toContain(text);
    }
    expect(html(<LockerMessageScreen problem="lock-failed" lockerNumber={7} onDone={noop} />)).toContain('A steward has been told');
  });

  it('"Collect my phone" on the attract screen unless the station has no lockers', () => {
    const info = TEST_STATION_INFO;
    const withLockers = html(<AttractScreen info={info} onNoCard={noop} onCollect={noop} onSteward={noop} onPromptTouch={noop} />);
    expect(withLockers).toContain('data-testid="collect-button"');
    expect(withLockers).toContain('data-testid="steward-button"');
    expect(withLockers).toContain('>Steward</button>');
    const without = html(<AttractScreen info={info} onNoCard={noop} onCollect={null} onSteward={null} onPromptTouch={noop} />);
    expect(without).not.toContain('collect-button');
    expect(without).not.toContain('steward-button');
  });

  it('the tap prompt is a sign pointing at the reader, not a button, in both languages', () => {
    const info = { ...TEST_STATION_INFO, readerPosition: 'below-left' as const };
    const markup = html(<AttractScreen info={info} onNoCard={noop} onCollect={null} onSteward={null} onPromptTouch={noop} />);
    expect(tagOf(markup, 'tap-prompt')).toMatch(/^<div[^>]*class="tap-prompt reader-below-left"/);
    expect(markup).toContain('data-testid="reader-arrow"');
    expect(markup).toContain('The card reader is below the screen, on the left');
    expect(html(<AttractScreen info={info} onNoCard={noop} onCollect={null} onSteward={null} onPromptTouch={noop} />, 'zh-CN')).toContain('读卡器在屏幕左下方');
  });
});
