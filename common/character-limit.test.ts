import { describe, expect, it } from 'vitest';
import { characters, UNITS_PER_CHARACTER } from './character-limit';
import { countCharacters } from './wish-text';

const FAMILY = '👨‍👩‍👧‍👦'; // 11 UTF-16 units, one character
const FLAG = '🇨🇳'; // 4 units
const COMBINING = 'e\u0301'; // e + U+0301: 2 units
const SUBDIVISION = '🏴󠁧󠁢󠁳󠁣󠁴󠁿'; // Scotland: 14 units

describe('characters', () => {
  const note = characters(5);
  const title = characters(3, 1);

  it('counts grapheme clusters, not UTF-16 units: emoji, flags, CJK and combining marks at the limit pass', () => {
    for (const text of [FAMILY.repeat(5), FLAG.repeat(5), COMBINING.repeat(5), SUBDIVISION.repeat(5), '法律援助热', `${FAMILY}法${COMBINING}${FLAG}a`]) {
      expect(countCharacters(text), text).toBe(5);
      expect(note.safeParse(text).success, text).toBe(true);
    }
    expect(FAMILY.repeat(5).length).toBe(55);
  });

  it('one character over the limit is refused, whatever it is made of', () => {
    for (const text of [FAMILY.repeat(6), FLAG.repeat(6), COMBINING.repeat(6), '法律援助热线', 'abcdef']) {
      const parsed = note.safeParse(text);
      expect(parsed.success, text).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('at most 5 characters');
    }
  });

  it('a minimum counts characters too, and an empty title is refused', () => {
    expect(title.safeParse('').success).toBe(false);
    expect(title.safeParse('abcd').error?.issues[0]?.message).toBe('between 1 and 3 characters');
    expect(title.safeParse(COMBINING).success).toBe(true);
    expect(title.safeParse(`${COMBINING}${COMBINING}${COMBINING}${COMBINING}`).success).toBe(false);
  });

  it('a string past the unit bound is refused before it is segmented (stacked combining marks)', () => {
    const stacked = `e${'\u0301'.repeat(5 * UNITS_PER_CHARACTER)}`; // one character, 81 units
    expect(countCharacters(stacked)).toBe(1);
    expect(note.safeParse(stacked).success).toBe(false);
    expect(note.safeParse(`e${'\u0301'.repeat(5 * UNITS_PER_CHARACTER - 1)}`).success).toBe(true);
  });
});
