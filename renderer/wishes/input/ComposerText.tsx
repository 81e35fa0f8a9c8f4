/**
 * The composer's text with its own caret: a plain, non-editable element, so tapping it never
 * brings up the operating system's keyboard. A tap puts the caret at the nearest gap between
 * characters; the pinyin still being typed shows underlined at the caret.
 */
import type { PointerEvent, ReactElement } from 'react';
import { graphemes } from '../../../common/wish-text';

export interface ComposerTextProps {
  readonly value: string;
  /** Caret position in characters (grapheme clusters, as text-edit.ts counts them). */
  readonly caret: number;
  /** Pinyin typed but not yet converted ('' for none). */
  readonly composition: string;
  readonly placeholder?: string;
  readonly onCaret: (caret: number) => void;
}

/** The gap nearest to (x, y): from the character under the point, or the end. */
function caretFromPoint(container: HTMLElement, x: number, y: number, length: number): number {
  const chars = container.querySelectorAll<HTMLElement>('[data-i]');
  let best = length;
  let bestDistance = Infinity;
  // Per character: the nearer of its two edges, on the line nearest the tap.
  chars.forEach((el) => {
    const rect = el.getBoundingClientRect();
    const dy = y < rect.top ? rect.top - y : y > rect.bottom ? y - rect.bottom : 0;
    const i = Number(el.dataset.i);
    for (const [edgeX, gap] of [[rect.left, i], [rect.right, i + 1]] as const) {
      const distance = dy * 1000 + Math.abs(x - edgeX);
      if (distance < bestDistance) [bestDistance, best] = [distance, gap];
    }
  });
  return best;
}

export function ComposerText({ value, caret, composition, placeholder, onCaret }: ComposerTextProps): ReactElement {
  // One span per grapheme cluster, so a tap can never put the caret inside an emoji sequence.
  const chars = graphemes(value);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    // No focus, no selection: the caret is ours.
    event.preventDefault();
    onCaret(caretFromPoint(event.currentTarget, event.clientX, event.clientY, chars.length));
  };
  const caretMark = (
    <span key="caret" className="composer-caret-wrap">
      {composition && (
        <span className="composer-composition" data-testid="composer-composition">
          {composition}
        </span>
      )}
      <span className="composer-caret" data-testid="composer-caret" aria-hidden="true" />
    </span>
  );
  const parts: ReactElement[] = [];
  chars.forEach((ch, i) => {
    if (i === caret) parts.push(caretMark);
    parts.push(
      <span key={i} data-i={i} className="composer-char">
        {ch}
      </span>,
    );
  });
  if (caret >= chars.length) parts.push(caretMark);
  return (
    <div
      className="composer-text"
      data-testid="composer-text"
      data-caret={caret}
      role="textbox"
      aria-readonly="true"
      aria-multiline="true"
      onPointerDown={onPointerDown}
    >
      {chars.length === 0 && !composition && placeholder && <span className="composer-placeholder">{placeholder}</span>}
      {parts}
    </div>
  );
}
