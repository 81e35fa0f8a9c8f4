// Types every translation key: `t('misspelled.key')` fails `tsc -p renderer/tsconfig.json`.
import type zhCN from './locales/zh-CN.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
