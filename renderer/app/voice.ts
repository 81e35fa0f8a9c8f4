/**
 * Plays the spoken prompts (see `voice-clips`), each clip fetched only when first played.
 * Like the tones, speech is a nicety: a clip that cannot load or play is skipped silently.
 */
import type { Locale } from '../../common/domain';
import { clipUrl, voiceClips, type VoicePrompt } from './voice-clips';

let playing: { cancelled: boolean; audio: HTMLAudioElement | null } | null = null;

/** Speaks a prompt, cutting off whatever was being said: the newest moment matters. */
export function speak(prompt: VoicePrompt, locale: Locale): void {
  if (playing) {
    playing.cancelled = true;
    playing.audio?.pause();
  }
  const run = { cancelled: false, audio: null as HTMLAudioElement | null };
  playing = run;
  void (async () => {
    for (const clip of voiceClips(prompt, locale)) {
      if (run.cancelled) return;
      try {
        const audio = new Audio(clipUrl(locale, clip));
        run.audio = audio;
        await new Promise<void>((resolve) => {
          audio.onended = () => resolve();
          audio.onerror = () => resolve();
          audio.onpause = () => resolve();
          audio.play().catch(() => resolve());
        });
      } catch {
        return;
      }
    }
  })();
}
