import { describe, expect, it } from 'vitest';
import { countCharacters } from '../../../common/wish-text';
import { guardWishText } from './text-guard';

const MAX = 140;

describe('guardWishText', () => {
  it.each([
    ['HTML and script, kept as text', '<script>alert(1)</script><img src=x onerror=alert(2)>', '<script>alert(1)</script><img src=x onerror=alert(2)>'],
    ['SQL, kept as text', "'); DROP TABLE wishes; --", "'); DROP TABLE wishes; --"],
    ['an emoji family sequence, kept whole', '谢谢👨‍👩‍👧‍👦', '谢谢👨‍👩‍👧‍👦'],
    ['a flag and skin tones', '🇨🇳👍🏽', '🇨🇳👍🏽'],
    ['zero-width characters dropped', '谢\u200B谢\u200C驿\u2060站\uFEFF', '谢谢驿站'],
    ['a stray joiner between Han dropped', '刷\u200D单', '刷单'],
    ['CRLF folded, surrounding space trimmed', '  第一行\r\n第二行  ', '第一行\n第二行'],
    ['too many line breaks folded into spaces', 'a\nb\nc\nd\ne\nf\ng', 'a\nb\nc\nd\ne f g'],
    ['decomposed accents composed (NFC)', 'cafe\u0301', 'café'],
  ])('accepts %s', (_name, raw, text) => {
    expect(guardWishText(raw, MAX, false)).toEqual({ ok: true, text });
  });

  it.each([
    ['a lone high surrogate', '谢谢\uD83D', 'encoding'],
    ['a lone low surrogate', '\uDE00谢谢', 'encoding'],
    ['a NUL', 'a\u0000b', 'control'],
    ['an escape sequence', '\u001b[31mred', 'control'],
    ['a C1 control', 'a\u0085b', 'control'],
    ['a right-to-left override', 'abc\u202Efdp.exe', 'bidi'],
    ['a right-to-left isolate', '\u2067abc\u2069', 'bidi'],
    ['a right-to-left mark', 'a\u200Fb', 'bidi'],
    ['only spaces', '   ', 'empty'],
    ['only zero-width characters', '\u200B\u200B', 'empty'],
    ['141 characters', '谢'.repeat(141), 'too-long'],
    ['1 MB', 'x'.repeat(1024 * 1024), 'too-long'],
  ])('refuses %s', (_name, raw, reason) => {
    expect(guardWishText(raw, MAX, false)).toEqual({ ok: false, reason });
  });

  it('counts grapheme clusters: 140 emoji families fit, 141 do not', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(countCharacters(family)).toBe(1);
    expect(guardWishText(family.repeat(140), MAX, false).ok).toBe(true);
    expect(guardWishText(family.repeat(141), MAX, false)).toEqual({ ok: false, reason: 'too-long' });
  });

  it('counts a flag as one character too: 140 fit, 141 do not', () => {
    const flag = '🇨🇳';
    expect(countCharacters(flag)).toBe(1);
    expect(guardWishText(flag.repeat(140), MAX, false)).toEqual({ ok: true, text: flag.repeat(140) });
    expect(guardWishText(flag.repeat(141), MAX, false)).toEqual({ ok: false, reason: 'too-long' });
  });

  it('an empty text is fine with a sticker', () => {
    expect(guardWishText('', MAX, true)).toEqual({ ok: true, text: '' });
  });
});
