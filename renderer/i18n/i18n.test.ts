import { describe, expect, it } from 'vitest';
import { localized, toLocale } from './i18n';

describe('localized', () => {
  it('picks the current language and falls back when it is empty', () => {
    expect(localized({ 'zh-CN': '驿站', en: 'Station' }, 'en')).toBe('Station');
    expect(localized({ 'zh-CN': '驿站', en: '' }, 'en')).toBe('驿站');
    expect(localized({ 'zh-CN': '', en: 'Station' }, 'zh-CN')).toBe('Station');
  });

  it('maps unknown languages to zh-CN', () => {
    expect(toLocale('en')).toBe('en');
    expect(toLocale('fr')).toBe('zh-CN');
    expect(toLocale(undefined)).toBe('zh-CN');
  });
});
