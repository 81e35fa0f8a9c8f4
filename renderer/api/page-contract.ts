/**
 * The kiosk page's contract schemas: the check-in section ships with the first screen (a tap
 * is checked with no wait), every other section is its own chunk, fetched when the page first
 * calls one of its methods or hears one of its events, or when the page is idle.
 */
import { checkInEvents, checkInMethods } from '../../common/check-in';
import type { SchemaSource } from '../../common/client';
import { loadSection, type SectionName } from '../../common/contract-sections';

const CHECK_IN = { methods: checkInMethods, events: checkInEvents };

export const pageContract: SchemaSource = (section) => (section === 'checkIn' ? CHECK_IN : loadSection(section));

/** Sections the attract screen and the welcome path use, worth fetching ahead of use. */
const SOON: readonly SectionName[] = ['lockers', 'stewardRecords', 'wishes', 'steward'];

/** Fetches the sections the kiosk uses soonest; a failure is left to the first real use. */
export function preloadContractSections(): void {
  for (const section of SOON) loadSection(section).catch(() => undefined);
}
