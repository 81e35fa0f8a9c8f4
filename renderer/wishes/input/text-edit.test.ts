import { describe, expect, it } from 'vitest';
import { countCharacters } from '../../../common/wish-text';
import { deleteBefore, insertText, keepCaret } from './text-edit';

describe('text edits at the caret', () => {
  it('inserts at the caret and moves it after the insertion', () => {
    expect(insertText({ value: '谢谢驿站', caret: 2 }, '你们', 140)).toEqual({ value: '谢谢你们驿站', caret: 4 });
    expect(insertText({ value: '', caret: 0 }, 'hi', 140)).toEqual({ value: 'hi', caret: 2 });
  });
  it('cuts what does not fit and changes nothing when full', () => {
    expect(insertText({ value: 'abc', caret: 1 }, 'XYZ', 5)).toEqual({ value: 'aXYbc', caret: 3 });
    expect(insertText({ value: 'abcde', caret: 5 }, 'f', 5)).toEqual({ value: 'abcde', caret: 5 });
  });
  it('counts an emoji as one character and never splits it', () => {
    expect(countCharacters('好😀')).toBe(2);
    expect(deleteBefore({ value: '好😀', caret: 2 })).toEqual({ value: '好', caret: 1 });
    expect(insertText({ value: '😀😀', caret: 1 }, '好', 140)).toEqual({ value: '😀好😀', caret: 2 });
  });
  it('counts an emoji ZWJ sequence and a flag as one character each, as the service does', () => {
    const family = '👨\u200D👩\u200D👧\u200D👦';
    const flag = '🇨🇳';
    const text = `谢${family}${flag}`;
    expect(countCharacters(text)).toBe(3);
    // Deleting takes the whole sequence; the caret never lands inside one.
    expect(deleteBefore({ value: text, caret: 3 })).toEqual({ value: `谢${family}`, caret: 2 });
    expect(deleteBefore({ value: text, caret: 2 })).toEqual({ value: `谢${flag}`, caret: 1 });
    expect(insertText({ value: text, caret: 2 }, '好', 140)).toEqual({ value: `谢${family}好${flag}`, caret: 3 });
  });

  it('the cap counts sequences as the service does: 140 flags or families fit, the next does not', () => {
    const full = insertText({ value: '', caret: 0 }, '🇨🇳'.repeat(150), 140);
    expect(full.caret).toBe(140);
    expect(full.value).toBe('🇨🇳'.repeat(140));
    const family = '👨\u200D👩\u200D👧\u200D👦';
    const almost = insertText({ value: family.repeat(139), caret: 139 }, family + family, 140);
    expect(almost).toEqual({ value: family.repeat(140), caret: 140 });
  });

  it('letters that re-pair with a flag at the seam still never pass the cap', () => {
    // Two regional indicators then one more: the third would pair with whatever follows.
    const edit = insertText({ value: '🇨🇳', caret: 0 }, '\u{1F1FA}', 2);
    expect(countCharacters(edit.value)).toBeLessThanOrEqual(2);
    expect(edit.caret).toBeLessThanOrEqual(countCharacters(edit.value));
  });

  it('deletes before the caret, nothing at the start', () => {
    expect(deleteBefore({ value: '你好吗', caret: 2 })).toEqual({ value: '你吗', caret: 1 });
    expect(deleteBefore({ value: '你好', caret: 0 })).toEqual({ value: '你好', caret: 0 });
  });
  it('keeps a caret inside a value that shrank', () => {
    expect(keepCaret('ab', 9)).toBe(2);
    expect(keepCaret('ab', -3)).toBe(0);
    expect(keepCaret('ab', Number.NaN)).toBe(2);
  });
});
