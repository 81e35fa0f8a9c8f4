/**
 * The UI's translations as an i18next backend: zh-CN (the default) is bundled with the first
 * screen; every other language is its own chunk, fetched when first switched to or when the
 * page is idle (see main.tsx), so it costs the first screen nothing.
 */
import type { BackendModule, ReadCallback } from 'i18next';
import type { Locale } from '../../common/domain';
import zhCN from './locales/zh-CN.json';

export type Translations = typeof zhCN;

const LATER: Record<Exclude<Locale, 'zh-CN'>, () => Promise<Translations>> = {
  // `satisfies`: a key missing from English fails type-checking, as in resources.ts.
  en: () => import('./locales/en.json').then((m) => m.default satisfies Translations),
};

/** The bundled default language's translations. */
export const DEFAULT_TRANSLATIONS: Translations = zhCN;

/** Loads one language's translations; rejects for a language the UI does not have. */
export function loadTranslations(language: string): Promise<Translations> {
  if (language === 'zh-CN') return Promise.resolve(zhCN);
  const load = LATER[language as keyof typeof LATER] as (() => Promise<Translations>) | undefined;
  return load ? load() : Promise.reject(new Error(`no translations for ${language}`));
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
