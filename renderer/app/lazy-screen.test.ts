import { createElement, Suspense, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyScreen } from './lazy-screen';

function Greeting({ name }: { readonly name: string }): ReactElement {
  return createElement('p', null, `hello ${name}`);
}

function counted(outcomes: Array<'ok' | 'fail'>) {
  let calls = 0;
  const load = () => {
    const outcome = outcomes[calls++] ?? 'ok';
    return outcome === 'ok' ? Promise.resolve(Greeting) : Promise.reject(new Error('chunk failed'));
  };
  return { load, calls: () => calls };
}

const inSuspense = (element: ReactElement) => createElement(Suspense, { fallback: createElement('i', null, 'loading') }, element);

describe('lazyScreen', () => {
  it('loads nothing until preloaded or rendered', () => {
    const { load, calls } = counted([]);
    const Screen = lazyScreen(load);
    expect(calls()).toBe(0);
    expect(Screen.loaded).toBe(false);
  });

  it('shows the fallback while its chunk is not loaded', () => {
    const Screen = lazyScreen(counted([]).load);
    expect(renderToStaticMarkup(inSuspense(createElement(Screen, { name: 'Li' })))).toBe('<i>loading</i>');
  });

  it('loads once however often it is preloaded, then renders synchronously with its props', async () => {
    const { load, calls } = counted([]);
    const Screen = lazyScreen(load);
    await Promise.all([Screen.preload(), Screen.preload()]);
    expect(calls()).toBe(1);
    expect(Screen.loaded).toBe(true);
    expect(renderToStaticMarkup(inSuspense(createElement(Screen, { name: 'Li' })))).toBe('<p>hello Li</p>');
  });

  it('tries again after a failed load', async () => {
    const { load, calls } = counted(['fail', 'ok']);
    const Screen = lazyScreen(load);
    await expect(Screen.preload()).rejects.toThrow('chunk failed');
    expect(Screen.loaded).toBe(false);
    await Screen.preload();
    expect(calls()).toBe(2);
    expect(renderToStaticMarkup(createElement(Screen, { name: 'Wu' }))).toBe('<p>hello Wu</p>');
  });
});
