/**
 * Runs a button's service call once at a time and remembers whether it failed, so a gloved
 * double tap sends one request and a failure is shown instead of silently ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { playSound } from './sounds';

export type ActionState = 'idle' | 'busy' | 'failed';

/** `action` resolves true on success; false means "tell the worker it did not work". */
export function useAction(action: () => Promise<boolean>): [run: () => void, state: ActionState] {
  const [state, setState] = useState<ActionState>('idle');
  const busy = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    playSound('tap');
    setState('busy');
    void action()
      .catch(() => false)
      .then((ok) => {
        busy.current = false;
        // A successful action usually moves to another screen; only update if still here.
        if (!mounted.current) return;
        if (!ok) playSound('failure');
        setState(ok ? 'idle' : 'failed');
      });
  }, [action]);
  return [run, state];
}
