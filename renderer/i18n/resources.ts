/**
 * The UI's translation resources. zh-CN is the reference: its shape types every key (see
 * `i18next.d.ts`), and English must match it, so a missing English key fails type-checking.
 */
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

export const DEFAULT_NS = 'translation';

export const resources = {
  'zh-CN': { [DEFAULT_NS]: zhCN },
  en: { [DEFAULT_NS]: en satisfies typeof zhCN },
} as const;
