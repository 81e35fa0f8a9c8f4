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

describe('console sections', () => {
  it('a section whose code has been preloaded renders at once (no Suspense, so no 300 ms reveal hold)', async () => {
    const audit = CONSOLE_SECTIONS.find((s) => s.id === 'audit')!;
    expect(audit.component.loaded).toBe(false);
    await audit.component.preload();
    expect(audit.component.loaded).toBe(true);
  });
});
