import { describe, expect, it } from 'vitest';
import { markedParts } from './marked-text';

describe('markedParts', () => {
  it('sets the <num> part apart, in order, in both languages', () => {
    expect(markedParts('这是您第 <num>2</num> 次来驿站')).toEqual([
      { text: '这是您第 ', marked: false },
      { text: '2', marked: true },
      { text: ' 次来驿站', marked: false },
    ]);
    expect(markedParts('<num>12</num> 号柜门已打开')).toEqual([
      { text: '12', marked: true },
      { text: ' 号柜门已打开', marked: false },
    ]);
    expect(markedParts('Your phone is in locker <num>7</num>')).toEqual([
      { text: 'Your phone is in locker ', marked: false },
      { text: '7', marked: true },
    ]);
  });

  it('keeps text without markup, and any other angle brackets, as plain text', () => {
    expect(markedParts('Locker 3 < 4 <b>x</b>')).toEqual([{ text: 'Locker 3 < 4 <b>x</b>', marked: false }]);
    expect(markedParts('')).toEqual([]);
  });

  it('marks each of several parts', () => {
    expect(markedParts('<num>1</num>-<num>2</num>').map((p) => `${p.marked ? '*' : ''}${p.text}`)).toEqual(['*1', '-', '*2']);
  });
});
