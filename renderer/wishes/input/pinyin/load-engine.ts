/**
 * The pinyin engine with its dictionary, loaded once on first use. Only ever imported
 * dynamically, so the word list (about 1.4 MB of text) lands in its own chunk, fetched when
 * the composer first needs it, never with the first screen.
 */
import dictionaryText from '../../../../resources/pinyin/dictionary.txt?raw';
import { parseDictionary } from './dictionary';
import { PinyinEngine } from './engine';

let engine: PinyinEngine | null = null;

/** The shared engine; parsing happens on the first call only. */
export function pinyinEngine(): PinyinEngine {
  engine ??= new PinyinEngine(parseDictionary(dictionaryText));
  return engine;
}
