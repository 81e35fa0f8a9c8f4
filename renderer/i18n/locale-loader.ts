/**
 * The UI's translations as an i18next backend. The first screen's strings in zh-CN (the
 * default) are bundled with it; every other language is its own chunk, fetched when first
 * switched to or when the page is idle (see main.tsx). The steward console's strings and the
 * wish wall's (with the on-screen keyboard's) are parts of their own, in every language,
 * loaded with their screens (see `loadStringsPart`), so they cost the first screen nothing.
 * All parts together are one namespace: a key reads the same wherever its string lives.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import type { Locale } from '../../common/domain';
import type consoleZhCN from './locales/console.zh-CN.json';
import type wallZhCN from './locales/wall.zh-CN.json';
import zhCN from './locales/zh-CN.json';

/** The first screen's strings in one language. */
export type FirstScreenStrings = typeof zhCN;
/** Every string of the UI in one language: what typed keys are checked against. */
export type Translations = FirstScreenStrings & typeof consoleZhCN & typeof wallZhCN;

type LoadStrings<T> = Record<Locale, () => Promise<T>>;

const FIRST_SCREEN: Record<Exclude<Locale, 'zh-CN'>, () => Promise<FirstScreenStrings>> = {
  // `satisfies`: a key missing from English fails type-checking, as in resources.ts.
  en: () => import('./locales/en.json').then((m) => m.default satisfies FirstScreenStrings),
};

/** Strings loaded with the screens that use them; each part has every language. */
const PARTS = {
  console: {
    'zh-CN': () => import('./locales/console.zh-CN.json').then((m) => m.default),
    en: () => import('./locales/console.en.json').then((m) => m.default satisfies typeof consoleZhCN),
  } satisfies LoadStrings<typeof consoleZhCN>,
  wall: {
    'zh-CN': () => import('./locales/wall.zh-CN.json').then((m) => m.default),
    en: () => import('./locales/wall.en.json').then((m) => m.default satisfies typeof wallZhCN),
  } satisfies LoadStrings<typeof wallZhCN>,
};

/** A part of the UI's strings that loads with its screens. */
export type StringsPart = keyof typeof PARTS;

/** Parts fetched so far, each in every language. */
const loadedParts = new Map<StringsPart, Record<Locale, object>>();
const pendingParts = new Map<StringsPart, Promise<void>>();

/** The bundled default language's first-screen strings. */
export const DEFAULT_TRANSLATIONS: FirstScreenStrings = zhCN;

/**
 * Loads one language's strings: the first screen's and every part loaded so far (a part
 * loaded later is added then). Rejects for a language the UI does not have.
 */
export async function loadTranslations(language: string): Promise<FirstScreenStrings> {
  const later: Partial<Record<string, () => Promise<FirstScreenStrings>>> = FIRST_SCREEN;
  const load = language === 'zh-CN' ? () => Promise.resolve(zhCN) : later[language];
  if (!load) throw new Error(`no translations for ${language}`);
  const strings = await load();
  const parts = [...loadedParts.values()].map((part) => part[language as Locale]);
  return parts.length === 0 ? strings : mergeStrings(strings, ...parts);
}

/**
 * Fetches a part in every language and adds it to each language `i18n` has loaded, so a
 * screen that awaits this renders with all its strings. Once per part (a failed fetch is
 * tried again on the next call).
 */
export function loadStringsPart(part: StringsPart, i18n: typeof i18next = i18next): Promise<void> {
  if (loadedParts.has(part)) return Promise.resolve();
  let pending = pendingParts.get(part);
  if (!pending) {
    const loaders: LoadStrings<object> = PARTS[part];
    pending = Promise.all([loaders['zh-CN'](), loaders.en()]).then(
      ([zh, en]) => {
        const strings: Record<Locale, object> = { 'zh-CN': zh, en };
        loadedParts.set(part, strings);
        pendingParts.delete(part);
        for (const language of Object.keys(strings) as Locale[]) {
          if (i18n.hasResourceBundle(language, 'translation')) {
            i18n.addResourceBundle(language, 'translation', strings[language], true, true);
          }
        }
      },
      (error: unknown) => {
        pendingParts.delete(part);
        throw error;
      },
    );
    pendingParts.set(part, pending);
  }
  return pending;
}

/** `base` with every object of `more` merged in, key by key (a new object; none is changed). */
export function mergeStrings<T extends object>(base: T, ...more: object[]): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const extra of more) {
    for (const [key, value] of Object.entries(extra)) {
      const mine = out[key];
      out[key] = isPlainObject(mine) && isPlainObject(value) ? mergeStrings(mine, value) : value;
    }
  }
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const localeBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language: string, _namespace: string, callback: ReadCallback) {
    loadTranslations(language).then(
      (data) => callback(null, data),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};
