/**
 * The UI's translation resources, every part merged (for tests; the page loads them in parts,
 * see `locale-loader.ts`). zh-CN is the reference: its shape types every key (see
 * `i18next.d.ts`), and English must match it, so a missing English key fails type-checking.
 */
import consoleEn from './locales/console.en.json';
import consoleZhCN from './locales/console.zh-CN.json';
import en from './locales/en.json';
import wallEn from './locales/wall.en.json';
import wallZhCN from './locales/wall.zh-CN.json';
import zhCN from './locales/zh-CN.json';
import { mergeStrings, type Translations } from './locale-loader';

export const DEFAULT_NS = 'translation';

export const resources = {
  'zh-CN': { [DEFAULT_NS]: mergeStrings(zhCN, consoleZhCN, wallZhCN) as Translations },
  en: { [DEFAULT_NS]: mergeStrings(en satisfies typeof zhCN, consoleEn satisfies typeof consoleZhCN, wallEn satisfies typeof wallZhCN) as Translations },
} as const;
