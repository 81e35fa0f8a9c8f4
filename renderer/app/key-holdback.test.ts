import { describe, expect, it } from 'vitest';
import { KeyHoldback, type KeyDecision } from './key-holdback';

type Field = 'name-field' | 'other-field';

/** Replays keydowns and timer ticks, building what a field would contain and what was read. */
class Page {
  readonly holdback = new KeyHoldback<Field>();
  readonly fields: Record<Field, string> = { 'name-field': '', 'other-field': '' };
  readonly cards: string[] = [];
  /** Keys that reached their default action outside any field (e.g. a button press). */
  readonly leaked: string[] = [];
  focus: Field | null = 'name-field';
  time = 0;

  private apply(decision: KeyDecision<Field>, key?: string): void {
    if (decision.insert) this.fields[decision.insert.field] += decision.insert.text;
    if (decision.cardText) this.cards.push(decision.cardText);
    if (key === undefined || decision.preventDefault) return;
    if (this.focus === null) this.leaked.push(key);
    else if (key.length === 1) this.fields[this.focus] += key;
  }

  type(keys: string[], gapMs: number, options: { repeat?: boolean; shortcut?: boolean } = {}): this {
    for (const key of keys) {
      this.time += gapMs;
      // The hook ticks a timer whenever keys are held; ticking before each key is equivalent.
      if (this.holdback.holding) this.apply(this.holdback.onTimer(this.time));
      const decision = this.holdback.onKey({
        key,
        timeMs: this.time,
        field: this.focus,
        repeat: options.repeat ?? false,
        shortcut: options.shortcut ?? false,
        composing: false,
      });
      this.apply(decision, key);
    }
    return this;
  }

  pause(ms = 1000): this {
    this.time += ms;
    this.apply(this.holdback.onTimer(this.time));
    return this;
  }
}

const chars = (text: string) => [...text];

describe('KeyHoldback in a text field', () => {
  it('keeps a reader burst out of the field and reports the card', () => {
    const page = new Page().type([...chars('0012345678'), 'Enter'], 8).pause();
    expect(page.fields['name-field']).toBe('');
    expect(page.cards).toEqual(['0012345678']);
  });

  it('puts slow human typing into the field in order', () => {
    const page = new Page().type(chars('hello'), 150).pause();
    expect(page.fields['name-field']).toBe('hello');
    expect(page.cards).toEqual([]);
  });

  it('loses nothing from a fast typist’s rolls of three keys', () => {
    const page = new Page().type(chars('the'), 12).pause(200).type(chars('cat'), 15).pause();
    expect(page.fields['name-field']).toBe('thecat');
  });

  it('inserts held keys before a human Enter goes through', () => {
    const page = new Page().type(chars('ab'), 10).type(['Enter'], 10).pause();
    expect(page.fields['name-field']).toBe('ab');
    expect(page.cards).toEqual([]);
  });

  it('inserts held keys before Backspace acts', () => {
    const holdback = new KeyHoldback<Field>();
    holdback.onKey({ key: 'a', timeMs: 0, field: 'name-field', repeat: false, shortcut: false, composing: false });
    const d = holdback.onKey({ key: 'Backspace', timeMs: 5, field: 'name-field', repeat: false, shortcut: false, composing: false });
    expect(d).toEqual({ preventDefault: false, insert: { field: 'name-field', text: 'a' }, cardText: null });
  });

  it('lets auto-repeat and shortcuts through untouched', () => {
    const page = new Page().type(chars('xxxx'), 8, { repeat: true }).pause();
    expect(page.fields['name-field']).toBe('xxxx');
    const copy = new Page().type(['c'], 5, { shortcut: true });
    expect(copy.fields['name-field']).toBe('c');
  });

  it('returns held keys to the field where they were typed even if focus moved', () => {
    const page = new Page().type(chars('ab'), 100);
    page.focus = 'other-field';
    page.pause();
    expect(page.fields['name-field']).toBe('ab');
    expect(page.fields['other-field']).toBe('');
  });

  it('reads a card typed in the middle of slow human typing without mixing them', () => {
    const page = new Page().type(chars('hi'), 200).pause(500).type([...chars('99887766'), 'Enter'], 8).pause();
    expect(page.fields['name-field']).toBe('hi');
    expect(page.cards).toEqual(['99887766']);
  });

  it('releases a fast burst without Enter into the field', () => {
    const page = new Page().type(chars('12345'), 8).pause();
    expect(page.fields['name-field']).toBe('12345');
    expect(page.cards).toEqual([]);
  });
});

describe('KeyHoldback outside a text field', () => {
  it('consumes every character and Enter, and still reads cards', () => {
    const page = new Page();
    page.focus = null;
    page.type([...chars('04A1B2C3'), 'Enter'], 7).pause().type(chars('abc'), 200).type(['Enter'], 200).pause();
    expect(page.cards).toEqual(['04A1B2C3']);
    expect(page.leaked).toEqual([]);
  });

  it('lets navigation keys through', () => {
    const page = new Page();
    page.focus = null;
    page.type(['Tab', 'ArrowDown'], 100);
    expect(page.leaked).toEqual(['Tab', 'ArrowDown']);
  });
});
