/**
 * The steward console's record-keeping sections behind the contract: usage, supplies,
 * inspection and notices. Every steward method checks its argument, then the session
 * (`authorise`), then changes and audits in one transaction. `getCurrentNotices` is public:
 * the attract screen reads it without a session.
 */
import type { Database } from 'better-sqlite3';
import '../../../../common/zod-messages';
import { stationMethods, type MethodInput, type MethodName, type MethodOutput, type StationApi } from '../../../../common/contract';
import { INSPECTION_ITEMS } from '../../../../common/inspection';
import type { NoticeFields } from '../../../../common/notices';
import { err, ok, type Result } from '../../../../common/result';
import type { StationEventBus } from '../../../service-contract';
import type { StewardAccess, StewardIdentity } from '../steward-access';
import { createInspectionStore } from './inspection-store';
import { nextChange, showingAt } from './notice-schedule';
import { createNoticesStore } from './notices-store';
import { createSuppliesStore } from './supplies-store';
import { createUsageQueries, type WishPostCounter } from './usage-queries';

export const STEWARD_RECORD_METHODS = [
  'getUsage', 'listSupplies', 'recordStock', 'saveSupplyItem', 'supplyHistory',
  'recordInspection', 'listInspections', 'getCurrentNotices', 'listNotices', 'saveNotice', 'deleteNotice',
] as const satisfies readonly MethodName[];
type RecordMethod = (typeof STEWARD_RECORD_METHODS)[number];

export interface StewardRecordsDeps {
  readonly db: Database;
  readonly access: StewardAccess;
  /** Wall clock, epoch ms: record times and "today". */
  readonly now: () => number;
  /** `noticesChanged` goes out here after a notice edit. */
  readonly events: StationEventBus;
  /** Runs one storage call (the station service's busy retry and error mapping). */
  readonly run: <T>(fn: () => Result<T>) => Promise<Result<T>>;
  /** Default: a `wishes` table's rows where it exists (see usage-queries.ts). */
  readonly countWishPosts?: WishPostCounter;
}

export function createStewardRecordsService(deps: StewardRecordsDeps): { api: Pick<StationApi, RecordMethod> } {
  const { db, access, now, events } = deps;
  const usage = createUsageQueries(db, { countWishPosts: deps.countWishPosts });
  const supplies = createSuppliesStore(db);
  const inspections = createInspectionStore(db);
  const notices = createNoticesStore(db);
  const audit = (steward: StewardIdentity, action: string, subject: string, reason: string | null = null) => access.audit({ steward, action, subject, reason });

  /** Parse, authorise, then `fn` in one transaction with its audit rows. */
  const steward = <M extends RecordMethod>(name: M, fn: (input: MethodInput<M> & object, who: StewardIdentity) => Result<MethodOutput<M>>) =>
    (arg: unknown) =>
      deps.run(() => {
        const parsed = stationMethods[name].input.safeParse(arg);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return err('invalid-argument', `${name}: ${issue?.path.join('.') || 'argument'} ${issue?.message ?? 'is invalid'}`);
        }
        const input = parsed.data as MethodInput<M> & { session: string };
        const who = access.authorise(input.session);
        if (!who.ok) return who;
        return db.transaction(() => fn(input, who.value))();
      });

  const api: Pick<StationApi, RecordMethod> = {
    getUsage: steward('getUsage', ({ range }) => ok(usage.report(range, now()))),

    listSupplies: steward('listSupplies', () => ok({ items: supplies.list(), alerts: supplies.openAlerts() })),

    recordStock: steward('recordStock', ({ itemId, kind, quantity, note }, who) => {
      const item = supplies.item(itemId);
      if (!item) return err('not-found', `No supply item ${itemId}.`);
      if (kind === 'restock' && quantity === 0) return err('invalid-argument', 'recordStock: a restock adds at least 1');
      const change = supplies.record({ itemId, kind, quantity, note, stewardId: who.stewardId, atMs: now() });
      audit(who, `supplies.${kind}`, `supply ${itemId}`);
      return ok({ item: supplies.item(itemId)!, ...change });
    }),

    saveSupplyItem: steward('saveSupplyItem', ({ id, fields }, who) => {
      const item = supplies.save(id, fields, now());
      if (!item) return err('not-found', `No supply item ${id}.`);
      audit(who, id === null ? 'supplies.add-item' : 'supplies.edit-item', `supply ${item.id}`);
      return ok(item);
    }),

    supplyHistory: steward('supplyHistory', ({ itemId, limit }) =>
      supplies.item(itemId) ? ok(supplies.history(itemId, limit ?? 50)) : err('not-found', `No supply item ${itemId}.`),
    ),

    recordInspection: steward('recordInspection', ({ results }, who) => {
      const items = results.map((r) => r.item);
      if (items.length !== INSPECTION_ITEMS.length || new Set(items).size !== items.length) {
        return err('invalid-argument', `recordInspection: every item exactly once (${INSPECTION_ITEMS.join(', ')})`);
      }
      const inspection = inspections.insert({ atMs: now(), stewardId: who.stewardId, stewardName: who.name, results });
      audit(who, 'inspection.record', `inspection ${inspection.id}`);
      return ok(inspection);
    }),

    listInspections: steward('listInspections', ({ limit }) => ok(inspections.list(limit ?? 30))),

    getCurrentNotices: () =>
      deps.run(() => {
        const all = notices.all();
        const at = now();
        return ok({ notices: showingAt(all, at), nextChangeMs: nextChange(all, at) });
      }),

    listNotices: steward('listNotices', () => ok(notices.all())),

    saveNotice: steward('saveNotice', ({ id, fields, reason }, who) => {
      const before = id === null ? undefined : notices.get(id);
      if (id !== null && !before) return err('not-found', `No notice ${id}.`);
      // Changing what an existing notice says or when it shows is audited with why, as locker
      // actions are; switching it on or off alone is not an edit of it.
      const edited = before !== undefined && !sameExceptActive(before, fields);
      if (edited && reason === undefined) return err('invalid-argument', 'saveNotice: editing a notice needs a reason');
      const notice = notices.save(id, fields, now());
      if (!notice) return err('not-found', `No notice ${id}.`);
      audit(who, id === null ? 'notice.add' : edited ? 'notice.edit' : notice.active ? 'notice.on' : 'notice.off', `notice ${notice.id}`, reason ?? null);
      changed();
      return ok(notice);
    }),

    deleteNotice: steward('deleteNotice', ({ id }, who) => {
      if (!notices.remove(id)) return err('not-found', `No notice ${id}.`);
      audit(who, 'notice.delete', `notice ${id}`);
      changed();
      return ok({});
    }),
  };

  // After the transaction commits (a microtask later), so a listener that reads sees the change.
  const changed = () => queueMicrotask(() => events.emit('noticesChanged', {}));

  return { api };
}

/** The same notice but for `active`. */
function sameExceptActive(a: NoticeFields, b: NoticeFields): boolean {
  return a.kind === b.kind && a.title['zh-CN'] === b.title['zh-CN'] && a.title.en === b.title.en && a.body['zh-CN'] === b.body['zh-CN'] && a.body.en === b.body.en
    && a.startMinute === b.startMinute && a.endMinute === b.endMinute && a.days === b.days;
}
