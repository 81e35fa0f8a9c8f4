/**
 * Which moment of the flow is spoken, from one state to the next: the greeting after a tap,
 * the locker number when a door opens, "shut the door" when its alarm goes up, and the tap
 * prompt again after a bad read. Pure, so each rule is a unit test.
 */
import type { KioskState } from './kiosk-state';
import { doorAlarmLocker } from './locker-flow';
import type { VoicePrompt } from './voice-clips';

export function voiceForChange(before: KioskState, after: KioskState): VoicePrompt | null {
  if (doorAlarmLocker(after) !== null && doorAlarmLocker(before) === null) return { kind: 'shut-door' };
  if (after.screenSeq === before.screenSeq) return null;
  const { screen } = after;
  switch (screen.name) {
    case 'welcome':
    case 'already-here':
      // Coming back to it (Back from the cable picker) is not a new arrival.
      return before.screen.name === 'locker-cable' ? null : { kind: 'welcome' };
    case 'locker-open':
    case 'pickup-code':
      return before.screen.name === 'locker-cable' ? { kind: 'locker-open', lockerNumber: screen.opened.lockerNumber } : null;
    case 'locker-retrieve':
      return { kind: 'locker-open', lockerNumber: screen.lockerNumber };
    case 'card-error':
      return { kind: 'tap-card' };
    default:
      return null;
  }
}
