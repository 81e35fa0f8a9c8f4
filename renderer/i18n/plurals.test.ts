import { beforeAll, describe, expect, it } from 'vitest';
import { createInstance, type i18n } from 'i18next';
import { resources } from './resources';

let i18: i18n;
beforeAll(async () => {
  i18 = createInstance();
  await i18.init({ resources, lng: 'zh-CN', fallbackLng: 'zh-CN', interpolation: { escapeValue: false } });
});

describe('plural and ordinal messages', () => {
  it('counts visits with English ordinals', async () => {
    await i18.changeLanguage('en');
    const visit = (n: number) => i18.t('welcome.visit', { count: n, ordinal: true });
    // The suffix sits inside the number's box with it ("1st"), never boxed apart from it.
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map(visit).map((s) => /<num>(.*)<\/num>/.exec(s)?.[1])).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st',
    ]);
    expect(visit(2)).toBe('This is your <num>2nd</num> visit');
  });

  it('counts visits in Chinese', async () => {
    await i18.changeLanguage('zh-CN');
    expect(i18.t('welcome.visit', { count: 2, ordinal: true })).toBe('这是您第 <num>2</num> 次来驿站');
  });

  it('says how long the worker stayed, with a phrase for under a minute', async () => {
    await i18.changeLanguage('en');
    expect(i18.t('goodbye.stayed', { count: 0 })).toBe('You stayed less than a minute');
    expect(i18.t('goodbye.stayed', { count: 1 })).toBe('You stayed 1 minute');
    expect(i18.t('goodbye.stayed', { count: 47 })).toBe('You stayed 47 minutes');
    await i18.changeLanguage('zh-CN');
    expect(i18.t('goodbye.stayed', { count: 47 })).toBe('您在驿站休息了 47 分钟');
  });
});
