import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY } from '../../common/socket-protocol';
import { takeScreenToken, type TokenHistory, type TokenStorage } from './screen-token';

function storage(initial: Record<string, string> = {}): TokenStorage & { items: Record<string, string> } {
  const items = { ...initial };
  return { items, getItem: (k) => items[k] ?? null, setItem: (k, v) => void (items[k] = v) };
}

function history(): TokenHistory & { urls: string[] } {
  const urls: string[] = [];
  return { urls, replaceState: (_d, _u, url) => void urls.push(url) };
}

describe('takeScreenToken', () => {
  it('takes the token from the fragment, keeps it for reloads and strips it from the address', () => {
    const s = storage();
    const h = history();
    expect(takeScreenToken({ hash: '#token=abc_-1', pathname: '/', search: '?lang=en' }, s, h)).toBe('abc_-1');
    expect(s.items[TOKEN_STORAGE_KEY]).toBe('abc_-1');
    expect(h.urls).toEqual(['/?lang=en']);
  });

  it('after a reload (no fragment) uses the kept token and touches no history', () => {
    const h = history();
    expect(takeScreenToken({ hash: '', pathname: '/', search: '' }, storage({ [TOKEN_STORAGE_KEY]: 'kept' }), h)).toBe('kept');
    expect(h.urls).toEqual([]);
  });

  it('is null without either, and survives storage that throws', () => {
    expect(takeScreenToken({ hash: '#other=1', pathname: '/', search: '' }, storage(), history())).toBeNull();
    const broken: TokenStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(takeScreenToken({ hash: '#token=t', pathname: '/', search: '' }, broken, null)).toBe('t');
    expect(takeScreenToken({ hash: '', pathname: '/', search: '' }, broken, null)).toBeNull();
  });
});
