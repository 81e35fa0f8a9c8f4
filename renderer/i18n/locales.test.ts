import { describe, expect, it } from 'vitest';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

/** Every leaf of a nested resource object as `path.to.key` → value. */
function leaves(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      for (const [path, leaf] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
    }
  } else {
    out.set(prefix, node);
  }
  return out;
}

const locales = { 'zh-CN': leaves(zhCN), en: leaves(en) };

describe('locale files', () => {
  it('have exactly the same keys', () => {
    expect([...locales.en.keys()].sort()).toEqual([...locales['zh-CN'].keys()].sort());
  });

  for (const [name, entries] of Object.entries(locales)) {
    it(`${name}: every value is a non-empty string`, () => {
      const bad = [...entries].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
      expect(bad).toEqual([]);
    });

    it(`${name}: interpolations and markup match zh-CN`, () => {
      const marks = (v: unknown) => String(v).match(/\{\{\w+\}\}|<\/?\w+>/g)?.sort() ?? [];
      for (const [key, value] of entries) {
        expect(marks(value), key).toEqual(marks(locales['zh-CN'].get(key)));
      }
    });
  }
});
