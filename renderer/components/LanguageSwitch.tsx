/** 中文 / English, big, on every screen; each label is written in its own language. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../common/domain';
import { toLocale } from '../i18n/i18n';
import { playSound } from '../app/sounds';

const LABELS: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch(): ReactElement {
  const { t, i18n } = useTranslation();
  const current = toLocale(i18n.resolvedLanguage);
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.switchLabel')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className={locale === current ? 'lang-button is-current' : 'lang-button'}
          aria-pressed={locale === current}
          data-testid={`lang-${locale}`}
          onClick={() => {
            playSound('tap');
            void i18n.changeLanguage(locale);
          }}
        >
          {LABELS[locale]}
        </button>
      ))}
    </div>
  );
}
