/**
 * The card-error screen drawn to HTML: a tap that could not be saved says so, in English
 * and Chinese, and asks for another tap; an unreadable card keeps its own words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CardErrorScreen } from './CardErrorScreen';
import { createHtmlRenderer, type RenderToHtml } from './render-to-html';

let html: RenderToHtml;
beforeAll(async () => {
  html = await createHtmlRenderer();
});
const noop = (): void => undefined;

describe('card-error screen', () => {
  it('a tap that was not saved says so and asks for another tap, in both languages', () => {
    const en = html(<CardErrorScreen reason="not-saved" onDismiss={noop} />, 'en');
    expect(en).toContain('Your visit was not saved');
    expect(en).toContain('Please tap your card again');
    const zh = html(<CardErrorScreen reason="not-saved" onDismiss={noop} />, 'zh-CN');
    expect(zh).toContain('这次签到没有保存成功');
    expect(zh).toContain('请把卡再贴一次');
  });

  it('an unreadable card keeps its own title', () => {
    expect(html(<CardErrorScreen reason="unreadable" onDismiss={noop} />, 'en')).toContain('Card could not be read');
    expect(html(<CardErrorScreen onDismiss={noop} />, 'zh-CN')).toContain('没有读到卡');
  });
});
