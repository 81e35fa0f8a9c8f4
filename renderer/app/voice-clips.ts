/**
 * What the spoken prompts say, as clip names: short clips in each language, made from
 * resources/sounds/voice/prompts.json (see `npm run voice`). A locker number is spoken from
 * number clips ("locker" "twelve" "is open"; "十" "二" "号柜…"). Playing them is `voice.ts`.
 */
import type { Locale } from '../../common/domain';

/** The moments that are spoken. */
export type VoicePrompt =
  | { readonly kind: 'tap-card' }
  | { readonly kind: 'welcome' }
  | { readonly kind: 'locker-open'; readonly lockerNumber: number }
  | { readonly kind: 'shut-door' };

/** The clip names to play in order, e.g. `['locker', 'n20', 'n1', 'is-open']`. */
export function voiceClips(prompt: VoicePrompt, locale: Locale): readonly string[] {
  switch (prompt.kind) {
    case 'tap-card':
    case 'welcome':
    case 'shut-door':
      return [prompt.kind];
    case 'locker-open':
      return locale === 'en'
        ? ['locker', ...englishNumber(prompt.lockerNumber), 'is-open']
        : [...chineseNumber(prompt.lockerNumber), 'is-open'];
    default: {
      const unknown: never = prompt;
      return unknown;
    }
  }
}

/** 0–99 as words ("twenty" "one"); longer numbers digit by digit, as room numbers are read. */
function englishNumber(n: number): string[] {
  if (n >= 0 && n < 20) return [`n${n}`];
  if (n >= 20 && n < 100) return n % 10 === 0 ? [`n${n}`] : [`n${n - (n % 10)}`, `n${n % 10}`];
  return [...String(n)].map((d) => `n${d}`);
}

/** 0–99 the Chinese way (十二, 二十, 二十三); longer numbers digit by digit (一零一). */
function chineseNumber(n: number): string[] {
  if (n >= 0 && n < 10) return [`n${n}`];
  if (n >= 10 && n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return [...(tens === 1 ? [] : [`n${tens}`]), 'n10', ...(ones === 0 ? [] : [`n${ones}`])];
  }
  return [...String(n)].map((d) => `n${d}`);
}

/** Every `<locale>/<clip>` any prompt can play (lockers 1–999), for checking the files exist. */
export function neededClips(): ReadonlySet<string> {
  const prompts: VoicePrompt[] = [{ kind: 'tap-card' }, { kind: 'welcome' }, { kind: 'shut-door' }];
  for (let n = 1; n <= 999; n += 1) prompts.push({ kind: 'locker-open', lockerNumber: n });
  const needed = new Set<string>();
  for (const locale of ['en', 'zh-CN'] as const) {
    for (const prompt of prompts) for (const clip of voiceClips(prompt, locale)) needed.add(`${locale}/${clip}`);
  }
  return needed;
}

/** Where the clips are served, relative to the page (the build copies resources/sounds). */
export function clipUrl(locale: Locale, clip: string): string {
  return `./voice/${locale}/${clip}.ogg`;
}

