/**
 * Runs a button's service call once at a time and remembers whether it failed, so a gloved
 * double tap sends one request and a failure is shown instead of silently ignored. A call
 * that takes long says so (`waiting`) within a second, and one that takes too long is shown
 * as failed after a few seconds, so the worker is never left at a grey button.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { playSound } from './sounds';

/** `busy`: sent; `waiting`: sent and slow, tell the worker; `failed`: tell them it did not work. */
export type ActionState = 'idle' | 'busy' | 'waiting' | 'failed';

/** Milliseconds before a pending call shows "one moment". */
export const ACTION_WAITING_MS = 800;
/** Milliseconds before a pending call is shown as failed (its late answer is then ignored). */
export const ACTION_GIVE_UP_MS = 5_000;

/** True while a call is out: the button stays disabled. */
export function actionPending(state: ActionState): boolean {
  return state === 'busy' || state === 'waiting';
}

/** `action` resolves true on success; false means "tell the worker it did not work". */
export function useAction(action: () => Promise<boolean>): [run: () => void, state: ActionState] {
  const [state, setState] = useState<ActionState>('idle');
  const busy = useRef(false);
  const mounted = useRef(true);
  const generation = useRef(0);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    const thisRun = ++generation.current;
    playSound('tap');
    setState('busy');
    const timers: ReturnType<typeof setTimeout>[] = [];
    const finish = (ok: boolean): void => {
      timers.forEach(clearTimeout);
      if (generation.current !== thisRun) return;
      // The next tap starts a new run; a late answer to this one changes nothing.
      generation.current += 1;
      busy.current = false;
      // A successful action usually moves to another screen; only update if still here.
      if (!mounted.current) return;
      if (!ok) playSound('failure');
      setState(ok ? 'idle' : 'failed');
    };
    timers.push(
      setTimeout(() => {
        if (generation.current === thisRun && mounted.current) setState('waiting');
      }, ACTION_WAITING_MS),
      setTimeout(() => finish(false), ACTION_GIVE_UP_MS),
    );
    void action()
      .catch(() => false)
      .then(finish);
  }, [action]);
  return [run, state];
}
