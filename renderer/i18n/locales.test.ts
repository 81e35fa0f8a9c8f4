import { describe, expect, it } from 'vitest';
import consoleEn from './locales/console.en.json';
import consoleZhCN from './locales/console.zh-CN.json';
import en from './locales/en.json';
import wallEn from './locales/wall.en.json';
import wallZhCN from './locales/wall.zh-CN.json';
import zhCN from './locales/zh-CN.json';
import { resources } from './resources';

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

const locales = { 'zh-CN': leaves(resources['zh-CN'].translation), en: leaves(resources.en.translation) };

/** Each part of the strings (first screen, console, wall) in both languages. */
const parts = {
  'first screen': { 'zh-CN': zhCN, en },
  console: { 'zh-CN': consoleZhCN, en: consoleEn },
  wall: { 'zh-CN': wallZhCN, en: wallEn },
};

describe('locale parts', () => {
  for (const [name, part] of Object.entries(parts)) {
    it(`${name}: both languages have the same keys`, () => {
      expect([...leaves(part.en).keys()].sort()).toEqual([...leaves(part['zh-CN']).keys()].sort());
    });
  }

  it('hold every string exactly once: no key is in two parts', () => {
    const all = Object.values(parts).flatMap((part) => [...leaves(part['zh-CN']).keys()]);
    expect(all.length).toBeGreaterThan(400);
    expect(all.filter((key, i) => all.indexOf(key) !== i)).toEqual([]);
    expect(locales['zh-CN'].size).toBe(all.length);
  });
});

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
