import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { loadTranslations, localeBackend } from './locale-loader';

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
});
