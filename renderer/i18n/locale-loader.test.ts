import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import consoleEn from './locales/console.en.json';
import consoleZhCN from './locales/console.zh-CN.json';
import { loadStringsPart, loadTranslations, localeBackend } from './locale-loader';

describe('locale loader', () => {
  it('gives each UI language its translations, and refuses one the UI does not have', async () => {
    expect(await loadTranslations('zh-CN')).toBe(zhCN);
    expect(await loadTranslations('en')).toEqual(en);
    await expect(loadTranslations('fr')).rejects.toThrow('no translations for fr');
  });

  it('as an i18next backend, a switch to English loads it first, then translates', async () => {
    const i18 = createInstance();
    await i18.use(localeBackend).init({
      resources: { 'zh-CN': { translation: zhCN } },
      partialBundledLanguages: true,
      lng: 'zh-CN',
      fallbackLng: 'zh-CN',
      supportedLngs: ['zh-CN', 'en'],
    });
    expect(i18.hasResourceBundle('en', 'translation')).toBe(false);
    await i18.changeLanguage('en');
    expect(i18.t('welcome.title')).toBe(en.welcome.title);
    expect(i18.t('welcome.title')).not.toBe(zhCN.welcome.title);
  });

  it('adds a part loaded with its screen to the languages loaded, and to a language loaded after it', async () => {
    const i18 = createInstance();
    await i18.use(localeBackend).init({
      resources: { 'zh-CN': { translation: zhCN } },
      partialBundledLanguages: true,
      lng: 'zh-CN',
      fallbackLng: 'zh-CN',
      supportedLngs: ['zh-CN', 'en'],
    });
    expect(i18.exists('console.signOut')).toBe(false);
    await loadStringsPart('console', i18);
    expect(i18.t('console.signOut')).toBe(consoleZhCN.console.signOut);
    // The first screen's strings of a namespace split between parts stay as they were.
    expect(i18.t('steward.button')).toBe(zhCN.steward.button);
    expect(i18.t('steward.pinTitle')).toBe(consoleZhCN.steward.pinTitle);
    await i18.changeLanguage('en');
    expect(i18.t('console.signOut')).toBe(consoleEn.console.signOut);
    expect(i18.t('welcome.title')).toBe(en.welcome.title);
    expect(i18.t('steward.button')).toBe(en.steward.button);
  });
});
