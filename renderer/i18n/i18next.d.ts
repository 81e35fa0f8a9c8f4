// Types every translation key: `t('misspelled.key')` fails `tsc -p renderer/tsconfig.json`.
import type { Translations } from './locale-loader';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translations };
  }
}
