import { describe, expect, it } from 'vitest';
import { createLiveWordFilter } from './live-word-filter';
import { createWordFilter, type WordList } from './word-filter';

describe('live word filter', () => {
  it('builds the matcher of the list in force when a note is first checked, once per list', () => {
    const built: WordList[] = [];
    const counting = (list: WordList) => (built.push(list), createWordFilter(list));
    const first: WordList = { blocked: ['代考'], allowed: [] };
    const live = createLiveWordFilter(first, counting);
    expect(built).toEqual([]);
    expect(live.filter.hits('找人代考')).toEqual(['代考']);
    expect(live.filter.hits('代考包过')).toEqual(['代考']);
    expect(built).toEqual([first]);

    const pulled: WordList = { blocked: ['刷单'], allowed: [] };
    live.use(pulled);
    expect(built).toEqual([first]);
    expect(live.filter.hits('找人代考')).toEqual([]);
    expect(live.filter.hits('刷单返利')).toEqual(['刷单']);
    expect(built).toEqual([first, pulled]);
  });

  it('uses the shipped list when none is given', () => {
    const live = createLiveWordFilter();
    expect(live.filter.hits('草泥马')).toEqual(['草泥马']);
    expect(live.filter.hits('今天送外卖很顺利')).toEqual([]);
  });
});
