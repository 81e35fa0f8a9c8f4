import { describe, expect, it } from 'vitest';
import dictionaryText from '../../../../resources/pinyin/dictionary.txt?raw';
import { parseDictionary } from './dictionary';
import { candidatePage, MAX_CANDIDATES, PinyinEngine } from './engine';
import { segmentPinyin } from './segment';

const dictionary = parseDictionary(dictionaryText);
const engine = new PinyinEngine(dictionary);
const texts = (input: string): string[] => engine.candidates(input).map((c) => c.text);

describe('pinyin candidates', () => {
  it.each([
    ['nihao', '你好'],
    ['xiexie', '谢谢'],
    ['xx', '谢谢'],
    ['nh', '你好'],
    ['zhongguo', '中国'],
    ['wo xiang yao', '我想要'],
    ['woxiangyao', '我想要'],
    ['xi\'an', '西安'],
    ['lvse', '绿色'],
    ['yizhan', '驿站'],
  ])('%s → %s first', (input, first) => {
    expect(texts(input)[0]).toBe(first);
  });

  it('a partly typed last syllable still finds the word', () => {
    expect(texts('zhongg')).toContain('中国');
    expect(texts('xiex')[0]).toBe('谢谢');
  });

  it('words covering only the first syllables say what remains to convert', () => {
    const wo = engine.candidates('woxiangyao').find((c) => c.text === '我');
    expect(wo).toEqual({ text: '我', rest: 'xiangyao' });
    const spaced = engine.candidates('wo xiang yao').find((c) => c.text === '我');
    expect(spaced).toEqual({ text: '我', rest: 'xiang yao' });
  });

  it("a character's other readings find it too, after the usual characters for them", () => {
    expect(texts('hang')).toContain('行');
    expect(texts('zhang')).toContain('长');
    expect(texts('xing')[0]).toBe('行');
    expect(texts('di').indexOf('的')).toBeGreaterThan(texts('di').indexOf('地'));
  });

  it('more frequent words come first', () => {
    const list = texts('shi');
    expect(list.indexOf('是')).toBeLessThan(list.indexOf('市'));
    expect(list.indexOf('是')).toBe(0);
  });

  it.each(['', 'iii', '12345', '!!!', "''", '  ', 'vvvvvv', 'a'.repeat(5000), 'ü', '😀'])('%j gives no crash', (input) => {
    const list = engine.candidates(input);
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBeLessThanOrEqual(MAX_CANDIDATES);
  });

  it('letters that are no pinyin give no candidates', () => {
    expect(texts('iii')).toEqual([]);
    expect(texts('12345')).toEqual([]);
  });
});

describe('segmentation', () => {
  it('reads whole syllables before initials', () => {
    const [best] = segmentPinyin('zhongguo', dictionary);
    expect(best?.map((t) => [t.text, t.kind])).toEqual([['zhong', 'full'], ['guo', 'full']]);
    const [abbrev] = segmentPinyin('xx', dictionary);
    expect(abbrev?.map((t) => [t.text, t.kind])).toEqual([['x', 'prefix'], ['x', 'prefix']]);
  });
});

describe('candidatePage', () => {
  const items = Array.from({ length: 23 }, (_, i) => i);
  it('pages of the asked size, the last one short, past the end empty', () => {
    expect(candidatePage(items, 0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(candidatePage(items, 2, 10)).toEqual([20, 21, 22]);
    expect(candidatePage(items, 3, 10)).toEqual([]);
    expect(candidatePage(items, -1, 10)).toEqual([]);
  });
  it('a real candidate list pages without repeats', () => {
    const all = engine.candidates('shi');
    const pages = [0, 1, 2].map((p) => candidatePage(all, p, 8).map((c) => c.text));
    expect(new Set(pages.flat()).size).toBe(24);
  });
});
