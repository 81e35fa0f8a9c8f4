/**
 * Short feedback tones synthesised with WebAudio, so there are no sound files to ship or
 * load. A worker in sun glare may not see the screen change but hears that the tap worked.
 * Sound is a nicety: any failure (no audio device, autoplay policy) is silently ignored.
 */

export type SoundName = 'success' | 'failure' | 'tap' | 'alarm';

interface Note {
  readonly hz: number;
  readonly startS: number;
  readonly lengthS: number;
  readonly wave: OscillatorType;
}

/**
 * Rising two-note chime; low falling buzz; a short click for button presses; a loud two-tone
 * alarm (repeated by the door alarm banner) that carries across a noisy station.
 */
const TUNES: Record<SoundName, readonly Note[]> = {
  success: [
    { hz: 784, startS: 0, lengthS: 0.12, wave: 'sine' },
    { hz: 1175, startS: 0.11, lengthS: 0.22, wave: 'sine' },
  ],
  failure: [
    { hz: 330, startS: 0, lengthS: 0.2, wave: 'square' },
    { hz: 220, startS: 0.22, lengthS: 0.32, wave: 'square' },
  ],
  tap: [{ hz: 1400, startS: 0, lengthS: 0.04, wave: 'sine' }],
  alarm: [
    { hz: 988, startS: 0, lengthS: 0.25, wave: 'square' },
    { hz: 740, startS: 0.3, lengthS: 0.25, wave: 'square' },
    { hz: 988, startS: 0.6, lengthS: 0.25, wave: 'square' },
  ],
};

const VOLUME: Record<SoundName, number> = { success: 0.35, failure: 0.18, tap: 0.12, alarm: 0.3 };

let context: AudioContext | null | undefined;

function audioContext(): AudioContext | null {
  if (context !== undefined) return context;
  try {
    context = typeof AudioContext === 'function' ? new AudioContext() : null;
  } catch {
    context = null;
  }
  return context;
}

export function playSound(name: SoundName): void {
  try {
    const ctx = audioContext();
    if (ctx === null) return;
    // Chromium suspends audio until a user gesture unless the kiosk allows autoplay.
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const now = ctx.currentTime;
    for (const note of TUNES[name]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = note.wave;
      osc.frequency.value = note.hz;
      const start = now + note.startS;
      const end = start + note.lengthS;
      // Quick fade in and out: a hard start or stop clicks in the speaker.
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(VOLUME[name], start + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.001, end);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(end + 0.02);
    }
  } catch {
    // No sound is better than a broken screen.
  }
}
