/**
 * Plays the CSS animations inside an element in bursts: each runs its own (finite) length,
 * then everything holds still until the next burst, one period after the last one began.
 *
 * Why not `infinite`: an endless animation makes the browser produce every frame (on the
 * attract screen that was about a third of one core in software rendering), so a card tap
 * arriving at any moment found the page's thread and the compositor busy and its greeting
 * queued behind animation frames. Between bursts the page produces no frames at all.
 */
import { useEffect, type RefObject } from 'react';

/** Time from the start of one burst to the start of the next, ms. */
export const MOTION_BURST_PERIOD_MS = 8000;

export function useMotionBursts(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    // play() on a finished animation starts it again from its first keyframe.
    const timer = setInterval(() => ref.current?.getAnimations({ subtree: true }).forEach((animation) => animation.play()), MOTION_BURST_PERIOD_MS);
    return () => clearInterval(timer);
  }, [ref]);
}
