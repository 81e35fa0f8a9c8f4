/**
 * The steward console's sections, in tab order. A section is one line here: its id, the
 * i18n key of its tab title, and its component, loaded only when the tab is first opened
 * (the console itself loads only when a steward opens it). Each section gets the signed-in
 * session and the station client, and calls its own methods with `{ session, … }`.
 */
import type { ComponentType } from 'react';
import { lazyScreen, type LazyScreen } from '../app/lazy-screen';
import { DEFAULT_USAGE_RANGE, type ConsolePrefetch } from './console-prefetch';
import type { StationClient } from '../../common/contract';
import type { Result } from '../../common/result';
import type { ParseKeys } from 'i18next';

export interface ConsoleSectionProps {
  /** The steward session token: every steward-only method takes it. */
  readonly session: string;
  readonly client: StationClient;
  /**
   * Pass every answer through this: a `forbidden` answer means the session is over (idle,
   * signed out, a worker's tap), and the console closes. Returns the result unchanged.
   */
  readonly checked: <T>(result: Result<T>) => Result<T>;
  /** Answers the console asked for before the section mounted (see `console-prefetch.ts`). */
  readonly prefetch: ConsolePrefetch;
}

export interface ConsoleSection {
  readonly id: string;
  /** i18n key of the tab title. */
  readonly title: ConsoleSectionTitle;
  /**
   * Rendered with no Suspense once its code has loaded (the console preloads every section):
   * a React.lazy component suspends on its first render even then, and React holds a
   * suspended tab's content back for up to 300 ms after showing its fallback.
   */
  readonly component: LazyScreen<ConsoleSectionProps>;
  /** Fetches the component's code ahead of its tab being opened; safe to call any number of times. */
  readonly preload: () => void;
  /** Asks for the section's first answer ahead of it mounting: when the console opens and when its tab is pressed. */
  readonly prefetch?: (prefetch: ConsolePrefetch) => void;
}

/** Tab titles are typed keys: a title missing from the locale files fails type-checking. */
export type ConsoleSectionTitle = ParseKeys;

const section = (
  id: string,
  title: ConsoleSectionTitle,
  load: () => Promise<ComponentType<ConsoleSectionProps>>,
  prefetch?: ConsoleSection['prefetch'],
): ConsoleSection => {
  const component = lazyScreen(load);
  // A failed load is left to the tab's first render, which tries again.
  return { id, title, component, preload: () => void component.preload().catch(() => undefined), ...(prefetch && { prefetch }) };
};

/** What the station has that decides which sections it shows. */
export interface StationShape {
  /** False on a station without a locker wall: no Lockers tab. Null while not yet known (shown). */
  readonly hasLockers: boolean | null;
}

/**
 * The sections this station shows, in tab order. Only here is a section left out, so a tab
 * that is not shown cannot be opened either (the frame picks only from this list).
 */
export function visibleSections(shape: StationShape, sections: readonly ConsoleSection[] = CONSOLE_SECTIONS): readonly ConsoleSection[] {
  return shape.hasLockers === false ? sections.filter((s) => s.id !== 'lockers') : sections;
}

export const CONSOLE_SECTIONS: readonly ConsoleSection[] = [
  section('lockers', 'console.section.lockers', () => import('./sections/LockersSection').then((m) => m.LockersSection)),
  section(
    'usage',
    'usage.title',
    () => import('./sections/UsageSection').then((m) => m.UsageSection),
    (prefetch) => prefetch.usage.start(DEFAULT_USAGE_RANGE),
  ),
  section('supplies', 'supplies.title', () => import('./sections/SuppliesSection').then((m) => m.SuppliesSection)),
  section('inspection', 'inspection.title', () => import('./sections/InspectionSection').then((m) => m.InspectionSection)),
  section('notices', 'notices.title', () => import('./sections/NoticesSection').then((m) => m.NoticesSection)),
  section('wishes', 'wishes.moderation.title', () => import('../wishes/WishModerationSection').then((m) => m.WishModerationSection)),
  section('devices', 'console.section.devices', () => import('./sections/DevicesSection').then((m) => m.DevicesSection)),
  section('audit', 'console.section.audit', () => import('./sections/AuditSection').then((m) => m.AuditSection)),
  section('export', 'console.section.export', () => import('./sections/ExportSection').then((m) => m.ExportSection)),
];
