import { describe, expect, it } from 'vitest';
import { joinSections } from './contract-method';
import { stationEvents, stationMethods } from './contract';
import { checkInMethods } from './check-in';
import { handwritingMethods } from './handwriting';
import { lockerMethods } from './lockers';
import { upstreamMethods } from './upstream-sync-status';
import { stewardMethods } from './steward';
import { operationsMethods } from './operations';
import { printingMethods } from './printing';
import { stewardRecordMethods } from './steward-records';
import { screenDimmingMethods } from './screen-dimming';
import { wishMethods } from './wishes';

describe('joinSections', () => {
  it('keeps every entry of both sections', () => {
    expect(joinSections({ a: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
  });

  it('refuses a name declared twice', () => {
    // @ts-expect-error — the compiler refuses the duplicate too.
    expect(() => joinSections({ a: 1 }, { a: 2 })).toThrow('contract: "a" is declared in two sections');
  });

  it('builds the station contract from every section, losing none', () => {
    const sections = [checkInMethods, lockerMethods, upstreamMethods, stewardMethods, printingMethods, handwritingMethods, stewardRecordMethods, operationsMethods, wishMethods, screenDimmingMethods];
    expect(Object.keys(stationMethods).sort()).toEqual(sections.flatMap((s) => Object.keys(s)).sort());
    expect(Object.keys(stationEvents)).toContain('lockerAvailability');
    expect(Object.keys(stationEvents)).toContain('stewardCard');
  });
});
