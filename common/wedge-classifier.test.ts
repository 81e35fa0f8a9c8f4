import { describe, expect, it } from 'vitest';
import { WedgeClassifier, type WedgeClassifierOptions, type WedgeStep } from './wedge-classifier';

/** Feeds `keys` with the given gaps (one per key after the first) and collects every step. */
function play(keys: string[], gaps: number | number[], options?: Partial<WedgeClassifierOptions>) {
  const classifier = new WedgeClassifier(options);
  const steps: WedgeStep[] = [];
  let time = 1000;
  keys.forEach((key, i) => {
    if (i > 0) time += Array.isArray(gaps) ? (gaps[i - 1] ?? 0) : gaps;
    steps.push(classifier.feed(key, time));
  });
  // A long pause after the last key: anything still held must come out as human input.
  steps.push(classifier.flush(time + 10_000));
  return {
    steps,
    cards: steps.flatMap((s) => (s.card === null ? [] : [s.card])),
    released: steps.flatMap((s) => s.released).join(''),
  };
}

const typed = (text: string) => [...text];

describe('WedgeClassifier: reader bursts', () => {
  it('takes a 10-digit burst at 8 ms per key as a card', () => {
    const run = play([...typed('0012345678'), 'Enter'], 8);
    expect(run.cards).toEqual(['0012345678']);
    expect(run.released).toBe('');
  });

  it('takes a 7 ms hex burst and a 16 ms decimal burst', () => {
    expect(play([...typed('04A1B2C3'), 'Enter'], 7).cards).toEqual(['04A1B2C3']);
    expect(play([...typed('3735928559'), 'Enter'], 16).cards).toEqual(['3735928559']);
  });

  it('accepts uneven gaps up to the limit and ignores Shift sent for capitals', () => {
    const keys = ['Shift', 'A', 'Shift', 'B', '1', '2', '3', 'Enter'];
    expect(play(keys, [3, 7, 3, 16, 30, 8, 12]).cards).toEqual(['AB123']);
  });

  it('accepts the W26 "111,27706" format', () => {
    expect(play([...typed('111,27706'), 'Enter'], 8).cards).toEqual(['111,27706']);
  });

  it('takes exactly four fast keys and Enter as a card', () => {
    expect(play([...typed('1234'), 'Enter'], 10).cards).toEqual(['1234']);
  });

  it('holds every key of a burst so none leaks', () => {
    const run = play([...typed('12345678'), 'Enter'], 8);
    expect(run.steps.slice(0, 8).every((s) => s.held)).toBe(true);
    expect(run.steps[8]?.held).toBe(false);
  });

  it('reads two cards in a row', () => {
    const classifier = new WedgeClassifier();
    const cards: string[] = [];
    let t = 0;
    for (const text of ['11112222', '33334444']) {
      for (const key of [...typed(text), 'Enter']) {
        const step = classifier.feed(key, (t += 8));
        if (step.card) cards.push(step.card);
      }
      t += 2000;
    }
    expect(cards).toEqual(['11112222', '33334444']);
  });
});

describe('WedgeClassifier: people typing', () => {
  it('never takes steady typing at 40 ms and more for a card', () => {
    for (const gap of [40, 60, 120, 250]) {
      const run = play([...typed('12345678'), 'Enter'], gap);
      expect(run.cards).toEqual([]);
      expect(run.released).toBe('12345678');
    }
  });

  it('releases a fast typist’s 3-key bursts (< 20 ms) separated by pauses', () => {
    // "the" typed as a roll, pause, "cat" as a roll, Enter.
    const keys = [...typed('the'), ...typed('cat'), 'Enter'];
    const run = play(keys, [15, 12, 180, 18, 14, 200]);
    expect(run.cards).toEqual([]);
    expect(run.released).toBe('thecat');
  });

  it('does not take three fast keys and a fast Enter for a card', () => {
    const run = play([...typed('abc'), 'Enter'], 10);
    expect(run.cards).toEqual([]);
    expect(run.released).toBe('abc');
  });

  it('lets Enter alone through', () => {
    const run = play(['Enter'], 0);
    expect(run.cards).toEqual([]);
    expect(run.steps[0]).toEqual({ released: [], held: false, card: null });
  });

  it('releases a fast burst that never ends in Enter', () => {
    const run = play(typed('12345678'), 8);
    expect(run.cards).toEqual([]);
    expect(run.released).toBe('12345678');
  });

  it('releases a burst whose Enter comes too late', () => {
    const run = play([...typed('12345678'), 'Enter'], [8, 8, 8, 8, 8, 8, 8, 300]);
    expect(run.cards).toEqual([]);
    expect(run.released).toBe('12345678');
  });

  it('releases held keys before Backspace and other non-character keys', () => {
    const classifier = new WedgeClassifier();
    classifier.feed('a', 0);
    classifier.feed('b', 10);
    expect(classifier.feed('Backspace', 20)).toEqual({ released: ['a', 'b'], held: false, card: null });
  });

  it('keeps the order when a slow key ends one group and starts another', () => {
    const classifier = new WedgeClassifier();
    classifier.feed('a', 0);
    const step = classifier.feed('b', 100);
    expect(step.released).toEqual(['a']);
    expect(step.held).toBe(true);
    expect(classifier.pending).toEqual(['b']);
  });

  it('flush waits for the gap limit before releasing', () => {
    const classifier = new WedgeClassifier();
    classifier.feed('x', 0);
    expect(classifier.flush(30).released).toEqual([]);
    expect(classifier.flush(31).released).toEqual(['x']);
  });

  it('rejects a burst longer than the total time limit', () => {
    const keys = [...typed('1'.repeat(60)), 'Enter'];
    const run = play(keys, 25, { maxTotalMs: 1200, maxLength: 64 });
    expect(run.cards).toEqual([]);
    // 1200 ms / 25 ms: the first 49 keys were held and come back; the rest pass straight through.
    expect(run.released).toBe('1'.repeat(49));
    expect(run.steps.slice(49).every((s) => !s.held && s.card === null)).toBe(true);
  });

  it('honours a configured gap limit', () => {
    expect(play([...typed('12345678'), 'Enter'], 25, { maxGapMs: 20 }).cards).toEqual([]);
    expect(play([...typed('12345678'), 'Enter'], 25, { maxGapMs: 35 }).cards).toEqual(['12345678']);
  });
});

describe('WedgeClassifier: over-long runs', () => {
  it('lets the rest of an over-long fast run through and takes no card from its tail', () => {
    const classifier = new WedgeClassifier({ maxLength: 8 });
    const steps = [...typed('123456789abc'), 'Enter'].map((k, i) => classifier.feed(k, i * 8));
    expect(steps.some((s) => s.card !== null)).toBe(false);
    expect(steps[8]?.released).toEqual(typed('12345678'));
    expect(steps.slice(8).every((s) => !s.held)).toBe(true);
  });

  it('reads a card normally after the pause that follows an over-long run', () => {
    const classifier = new WedgeClassifier({ maxLength: 8 });
    typed('123456789').forEach((k, i) => classifier.feed(k, i * 8));
    let t = 5000;
    const steps = [...typed('1234'), 'Enter'].map((k) => classifier.feed(k, (t += 8)));
    expect(steps.at(-1)?.card).toBe('1234');
  });
});
