/**
 * The page's one keyboard listener: recognises keyboard-wedge card reads by timing and keeps
 * them out of text fields (see `key-holdback`). Capture phase on `window`, so it sees every
 * key before any element does.
 */
import { useEffect, useRef } from 'react';
import { DEFAULT_WEDGE_OPTIONS, type WedgeClassifierOptions } from '../../common/wedge-classifier';
import { KeyHoldback, type KeyDecision } from './key-holdback';

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** Input types that take typed text. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password']);

function textFieldOf(element: Element | null): TextField | null {
  if (element instanceof HTMLTextAreaElement && !element.readOnly && !element.disabled) return element;
  if (element instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(element.type) && !element.readOnly && !element.disabled) {
    return element;
  }
  return null;
}

/** Inserts text at the caret as typing would, and tells React (or anyone) through `input`. */
function insertIntoField(field: TextField, text: string): void {
  if (!field.isConnected) return;
  try {
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    field.setRangeText(text, start, end, 'end');
  } catch {
    // email inputs have no selection API: append instead.
    field.value += text;
  }
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

export function useWedgeCapture(
  onCard: (text: string) => void,
  options: Partial<WedgeClassifierOptions> = {},
): void {
  // The latest callback without re-installing the listener (which would drop held keys).
  const onCardRef = useRef(onCard);
  useEffect(() => {
    onCardRef.current = onCard;
  }, [onCard]);
  const { maxGapMs, minKeys, maxTotalMs, maxLength } = { ...DEFAULT_WEDGE_OPTIONS, ...options };

  useEffect(() => {
    const holdback = new KeyHoldback<TextField>({ maxGapMs, minKeys, maxTotalMs, maxLength });
    let timer: ReturnType<typeof setTimeout> | undefined;

    const apply = (decision: KeyDecision<TextField>): void => {
      if (decision.insert) insertIntoField(decision.insert.field, decision.insert.text);
      if (decision.cardText !== null) onCardRef.current(decision.cardText);
    };
    const schedule = (): void => {
      clearTimeout(timer);
      // Tick just after the longest allowed gap; held keys are then a person's.
      if (holdback.holding) timer = setTimeout(() => apply(holdback.onTimer(performance.now())), maxGapMs + 5);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      const decision = holdback.onKey({
        key: event.key,
        // The event's own time, not now: a busy main thread must not make typing look fast.
        timeMs: event.timeStamp,
        field: textFieldOf(document.activeElement),
        repeat: event.repeat,
        shortcut: event.ctrlKey || event.altKey || event.metaKey,
        composing: event.isComposing || event.key === 'Process',
      });
      if (decision.preventDefault) event.preventDefault();
      apply(decision);
      schedule();
    };
    const onBlur = (): void => {
      clearTimeout(timer);
      apply(holdback.releaseAll());
    };

    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('blur', onBlur);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('blur', onBlur);
    };
  }, [maxGapMs, minKeys, maxTotalMs, maxLength]);
}
