import { describe, expect, it } from 'vitest';
import { CONSOLE_SECTIONS, visibleSections } from './console-sections';

describe('visibleSections', () => {
  const ids = (hasLockers: boolean | null) => visibleSections({ hasLockers }).map((s) => s.id);

  it('a station without lockers has no Lockers tab; every other tab stays, in order', () => {
    expect(ids(false)).toEqual(['usage', 'supplies', 'inspection', 'notices', 'wishes', 'devices', 'audit', 'export']);
  });

  it('a station with lockers, or one not yet known, shows them first', () => {
    expect(ids(true)).toEqual(CONSOLE_SECTIONS.map((s) => s.id));
    expect(ids(null)[0]).toBe('lockers');
  });
});
