/**
 * The dashboard's escaping and language choice, as pure functions.
 */
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html';
import { pickLanguage } from './strings';

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes, and passes nested markup through', () => {
    const hostile = `<script>x</script>" onmouseover='y' &amp;`;
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;x&lt;/script&gt;&quot; onmouseover=&#39;y&#39; &amp;amp;');
    const inner = html`<b>${hostile}</b>`;
    expect(html`<p title="${hostile}">${inner}${[hostile, 3, null, false, undefined]}</p>`.text).toBe(
      `<p title="${escapeHtml(hostile)}"><b>${escapeHtml(hostile)}</b>${escapeHtml(hostile)}3</p>`,
    );
  });

  it('a plain object shaped like markup is still escaped: only html`` results pass', () => {
    expect(html`${{ text: '<i>' } as never}`.text).toBe('[object Object]');
  });
});

describe('pickLanguage', () => {
  it('?lang first, then Accept-Language by weight, then Chinese', () => {
    expect(pickLanguage('en', 'zh-CN')).toBe('en');
    expect(pickLanguage('zh-CN', 'en')).toBe('zh-CN');
    expect(pickLanguage(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(pickLanguage(undefined, 'fr;q=1, zh-TW;q=0.8, en;q=0.5')).toBe('zh-CN');
    expect(pickLanguage(undefined, 'zh;q=0.2, en;q=0.9')).toBe('en');
    expect(pickLanguage(undefined, 'en;q=0')).toBe('zh-CN');
    expect(pickLanguage(['en'], undefined)).toBe('zh-CN');
    expect(pickLanguage('de', 'de-DE')).toBe('zh-CN');
  });
});
