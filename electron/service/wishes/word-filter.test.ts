import { describe, expect, it } from 'vitest';
import { normaliseForFilter } from './filter-normalise';
import { createWordFilter, shippedWordList } from './word-filter';

const filter = createWordFilter(shippedWordList());

describe('normaliseForFilter', () => {
  it.each([
    ['full-width Latin and digits', 'ＦＵＣＫ１２３', 'fuck123'],
    ['Cyrillic look-alikes', 'fuсk', 'fuck'],
    ['traditional characters', '代開發票', '代开发票'],
    ['spaces between Han', '傻 逼', '傻逼'],
    ['ideographic space and punctuation between Han', '傻\u3000。逼', '傻逼'],
    ['zero-width space', '傻\u200B逼', '傻逼'],
    ['spaces between Latin words are kept', 'hot water', 'hot water'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseForFilter(input)).toBe(expected);
  });
});

describe('the shipped word list', () => {
  it.each([
    ['plain', '你个傻逼', ['傻逼']],
    ['spaces', '傻 逼 一个', ['傻逼']],
    ['dots and stars', '傻.*.逼', ['傻逼']],
    ['full-width', 'ｆｕｃｋ you', ['fuck']],
    ['upper case', 'FUCK', ['fuck']],
    ['zero-width joiner between Han', '刷\u200D单赚钱', ['刷单']],
    ['word joiner and BOM', '裸\u2060\uFEFF聊', ['裸聊']],
    ['mixed scripts: Cyrillic in a Latin word', 'ѕhіt', ['shit']],
    ['traditional', '代開發票找我', ['代开发票']],
    ['two words, each once', '刷单刷单 加微信', ['刷单', '加微信']],
  ])('holds %s', (_name, text, hits) => {
    expect(filter.hits(text)).toEqual(hits);
  });

  it.each([
    ['兼职', '我是兼职骑手'],
    ['客服', '平台客服电话打不通'],
    ['外卖', '外卖员需要雨衣架'],
    ['差评', '怕差评，谢谢驿站'],
    ['ordinary thanks', '谢谢驿站，夏天要防晒袖套'],
    ['English thanks', 'thanks for the hot water'],
  ])('lets %s through', (_name, text) => {
    expect(filter.hits(text)).toEqual([]);
  });

  it('an allowed word covers a blocked entry inside it', () => {
    const custom = createWordFilter({ blocked: ['单车'], allowed: ['共享单车'] });
    expect(custom.hits('共享单车太少')).toEqual([]);
    expect(custom.hits('单车')).toEqual(['单车']);
  });

  it('an empty list holds nothing', () => {
    expect(createWordFilter({ blocked: [' '], allowed: [] }).hits('傻逼')).toEqual([]);
  });
});
