import { describe, expect, it } from 'vitest';
import { codePointLength, deleteBefore, insertText, keepCaret } from './text-edit';

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
    expect(codePointLength('好😀')).toBe(2);
    expect(deleteBefore({ value: '好😀', caret: 2 })).toEqual({ value: '好', caret: 1 });
    expect(insertText({ value: '😀😀', caret: 1 }, '好', 140)).toEqual({ value: '😀好😀', caret: 2 });
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
