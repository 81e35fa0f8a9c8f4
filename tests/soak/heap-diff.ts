/**
 * `tsx tests/soak/heap-diff.ts <before.heapsnapshot> <after.heapsnapshot> [rows]`: what grew on
 * the heap between two snapshots (the week soak writes them after day 2 and at the end, see
 * week-soak-child.ts), grouped by constructor — objects by their constructor's name, closures
 * by their function's name, strings, code and V8's internal kinds by kind — with the change in
 * count and in self size, largest growth first. Growth that keeps pace with the days is a
 * leak; a constant is a warm-up.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  readonly snapshot: { readonly meta: { readonly node_fields: string[]; readonly node_types: [string[], ...unknown[]] } };
  readonly nodes: number[];
  readonly strings: string[];
}

/** Count and self size (bytes) per group. */
export type HeapGroups = Map<string, { count: number; size: number }>;

/** Groups a snapshot's nodes by constructor (see the file's comment). */
export function groupByConstructor(snapshot: Snapshot): HeapGroups {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const groups: HeapGroups = new Map();
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt!]!]!;
    const name = strings[nodes[i + nameAt!]!]!;
    const key =
      type === 'object' || type === 'native' ? name
      : type === 'closure' ? `(closure) ${name || '(anonymous)'}`
      : type === 'hidden' || type === 'array' ? `(${type}) ${name.slice(0, 60)}`
      : `(${type})`;
    const group = groups.get(key) ?? { count: 0, size: 0 };
    group.count += 1;
    group.size += nodes[i + sizeAt!]!;
    groups.set(key, group);
  }
  return groups;
}

export function read(path: string): HeapGroups {
  return groupByConstructor(JSON.parse(readFileSync(path, 'utf8')) as Snapshot);
}

/** Rows of growth, largest self-size growth first. */
export function diff(before: HeapGroups, after: HeapGroups): { key: string; count: number; size: number; countAfter: number }[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .map((key) => {
      const a = before.get(key) ?? { count: 0, size: 0 };
      const b = after.get(key) ?? { count: 0, size: 0 };
      return { key, count: b.count - a.count, size: b.size - a.size, countAfter: b.count };
    })
    .sort((x, y) => y.size - x.size);
}

if (process.argv[1]?.endsWith('heap-diff.ts')) {
  const [beforePath, afterPath, rowsText] = process.argv.slice(2);
  if (!beforePath || !afterPath) throw new Error('usage: tsx tests/soak/heap-diff.ts <before.heapsnapshot> <after.heapsnapshot> [rows]');
  const rows = diff(read(beforePath), read(afterPath));
  const total = rows.reduce((sum, r) => sum + r.size, 0);
  console.log(`self size ${total >= 0 ? '+' : ''}${(total / 1024).toFixed(1)} KiB in all`);
  for (const r of rows.slice(0, Number(rowsText ?? 40))) console.log(`${(r.size / 1024).toFixed(1).padStart(9)} KiB  ${String(r.count).padStart(7)}  (${r.countAfter})  ${r.key}`);
}
