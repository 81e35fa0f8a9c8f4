/**
 * A screen whose code loads when first needed (its own chunk), for screens the attract and
 * welcome path never shows. `preload()` fetches the chunk ahead of use; once it has loaded,
 * the screen renders synchronously like a static import (no Suspense fallback, no extra
 * commit), which React.lazy alone does not do until it has rendered once.
 */
import { createElement, lazy, type ComponentType, type ReactElement } from 'react';

export interface LazyScreen<P extends object> {
  (props: P): ReactElement;
  /** Starts loading the chunk (once; a failed load may be retried); resolves when it is ready. */
  preload(): Promise<void>;
  /** True once the chunk has loaded. */
  readonly loaded: boolean;
}

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let component: ComponentType<P> | null = null;
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const start = () =>
    (pending ??= load().then(
      (loaded) => {
        component = loaded;
        return { default: loaded };
      },
      (error: unknown) => {
        // Forget the failure so a later preload tries again; a render that hit it goes to
        // the error boundary, which reloads the page.
        pending = null;
        throw error;
      },
    ));
  const Lazy = lazy(start);
  const Screen = (props: P): ReactElement => (component ? createElement(component, props) : createElement(Lazy, props));
  return Object.defineProperties(Screen, {
    preload: { value: () => start().then(() => undefined) },
    loaded: { get: () => component !== null },
  }) as LazyScreen<P>;
}
