import { describe, expect, it } from 'vitest';
import dictionaryText from '../../../../resources/pinyin/dictionary.txt?raw';
import { parseDictionary } from './dictionary';
import { PinyinEngine } from './engine';
import { packDictionary, transferablesOf, unpackDictionary } from './packed-dictionary';

const parsed = parseDictionary(dictionaryText);
const packed = packDictionary(parsed);
// Through a real structured clone with transfer, as the worker posts it.
const { port1, port2 } = new MessageChannel();
const received = new Promise<unknown>((resolve) => {
  port2.onmessage = (event) => {
    resolve(event.data);
    port1.close();
    port2.close();
  };
});
port1.postMessage(packed, transferablesOf(packed));

describe('the packed word list', () => {
  it('holds every word of the parsed list, group by group, in rank order', async () => {
    const unpacked = unpackDictionary((await received) as typeof packed);
    expect(unpacked.size).toBe(parsed.size);
    expect(unpacked.syllables).toEqual(parsed.syllables);
    expect(unpacked.syllablePrefixes).toEqual(parsed.syllablePrefixes);
    const groups = (get: (key: string) => unknown) => JSON.stringify([...parsed.byInitials.keys()].map((key) => [key, get(key)]));
    expect(groups((key) => unpacked.byInitials.get(key))).toBe(groups((key) => parsed.byInitials.get(key)));
    expect(unpacked.byInitials.get('qqqqqq')).toBeUndefined();
  });

  it('gives the same candidates as the list parsed in place', async () => {
    const here = new PinyinEngine(parsed);
    const there = new PinyinEngine(unpackDictionary((await received) as typeof packed));
    for (const input of ['nihao', 'xiexie', 'xx', 'zhongguo', 'wo xiang yao', 'shi', 'lvse', "xi'an", 'iii', '']) {
      expect(there.candidates(input), input).toEqual(here.candidates(input));
    }
  });

  it('the worker gave its buffers up: nothing was copied', () => {
    expect(packed.groupStart.byteLength).toBe(0);
    expect(packed.textEnd.byteLength).toBe(0);
  });
});
