/**
 * Parses the pinyin word list off the page's thread: a dedicated worker started by
 * load-engine.ts the first time a composer needs pinyin. It posts the packed list once (its
 * arrays transferred) and has nothing more to do. The list's text is bundled into this
 * worker's own file, so neither the first screen nor the wall's chunk carries it.
 */
import dictionaryText from '../../../../resources/pinyin/dictionary.txt?raw';
import { parseDictionary } from './dictionary';
import { packDictionary, transferablesOf } from './packed-dictionary';

const packed = packDictionary(parseDictionary(dictionaryText));
self.postMessage(packed, { transfer: transferablesOf(packed) });
