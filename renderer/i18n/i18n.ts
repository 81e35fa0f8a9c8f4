/** Sets up i18next for the kiosk: zh-CN by default, English complete, `<html lang>` in step. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, localeSchema, type Locale, type LocalizedText } from '../../common/domain';
import { DEFAULT_TRANSLATIONS, localeBackend } from './locale-loader';

const DEFAULT_NS = 'translation';

export function initI18n(): typeof i18next {
  const setHtmlLang = (lng: string): void => {
    document.documentElement.lang = lng;
  };
  i18next.on('languageChanged', setHtmlLang);
  void i18next.use(initReactI18next).use(localeBackend).init({
    // zh-CN is bundled; other languages load through the backend when first needed.
    resources: { 'zh-CN': { [DEFAULT_NS]: DEFAULT_TRANSLATIONS } },
    partialBundledLanguages: true,
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    supportedLngs: [...LOCALES],
    defaultNS: DEFAULT_NS,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    // The default language is bundled: initialise synchronously so the first paint is translated.
    initAsync: false,
    react: { useSuspense: false },
  });
  setHtmlLang(i18next.language);
  return i18next;
}

/** Fetches every UI language not yet loaded (for an idle moment: switching is then instant). */
export function preloadLanguages(i18n: typeof i18next): void {
  void i18n.loadLanguages([...LOCALES]);
}

/** The UI language as a contract `Locale` (anything unknown counts as the default). */
export function toLocale(language: string | undefined): Locale {
  const parsed = localeSchema.safeParse(language);
  return parsed.success ? parsed.data : 'zh-CN';
}

/** Operator-configured text in the current language, falling back to the other one. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] || text['zh-CN'] || text.en;
}
