/**
 * Test helper: draws a component to static HTML inside its own i18next instance, so screen
 * tests can check test ids, disabled buttons and both languages without a browser.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import type { Locale } from '../../common/domain';
import { resources } from '../i18n/resources';

export type RenderToHtml = (node: ReactElement, lng?: Locale) => string;

/** Resolves with a renderer whose language defaults to English. */
export async function createHtmlRenderer(): Promise<RenderToHtml> {
  const i18 = createInstance();
  await i18.use(initReactI18next).init({ resources, lng: 'en', fallbackLng: 'zh-CN', interpolation: { escapeValue: false } });
  return (node, lng = 'en') => {
    void i18.changeLanguage(lng);
    return renderToStaticMarkup(<I18nextProvider i18n={i18}>{node}</I18nextProvider>);
  };
}
