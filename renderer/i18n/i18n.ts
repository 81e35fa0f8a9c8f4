/** Sets up i18next for the kiosk: zh-CN by default, English complete, `<html lang>` in step. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, localeSchema, type Locale, type LocalizedText } from '../../common/domain';
import { DEFAULT_NS, resources } from './resources';

export function initI18n(): typeof i18next {
  const setHtmlLang = (lng: string): void => {
    document.documentElement.lang = lng;
  };
  i18next.on('languageChanged', setHtmlLang);
  void i18next.use(initReactI18next).init({
    resources,
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    supportedLngs: [...LOCALES],
    defaultNS: DEFAULT_NS,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    // Resources are bundled: initialise synchronously so the first paint is translated.
    initAsync: false,
    react: { useSuspense: false },
  });
  setHtmlLang(i18next.language);
  return i18next;
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
