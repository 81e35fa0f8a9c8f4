/**
 * A drawing pad for one handwritten character: pointer events (finger, pen or mouse) become
 * strokes of [x, y] points in the pad's pixels. Each finished stroke is reported, so
 * candidates update while the character is drawn.
 */
import { useEffect, useRef, type PointerEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDWRITING_LIMITS } from '../../../common/handwriting';
import { keepFocus } from './CandidateBar';

export type Stroke = [number, number][];

/** Pad side in CSS pixels (square). */
export const PAD_SIZE = 360;
/** Points closer than this to the last one are dropped, px: the recogniser needs shape, not samples. */
const MIN_STEP = 3;

export interface HandwritingPadProps {
  readonly strokes: readonly Stroke[];
  readonly onStrokes: (strokes: Stroke[]) => void;
  /** Deletes the character before the caret (the keyboard's backspace, here beside the pad). */
  readonly onBackspace: () => void;
}

function draw(canvas: HTMLCanvasElement, strokes: readonly Stroke[]): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.lineWidth = 8;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#1f2a44';
  for (const stroke of strokes) {
    ctx.beginPath();
    stroke.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    const [only] = stroke;
    if (stroke.length === 1 && only) ctx.lineTo(only[0] + 0.1, only[1]);
    ctx.stroke();
  }
}

export function HandwritingPad({ strokes, onStrokes, onBackspace }: HandwritingPadProps): ReactElement {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const current = useRef<Stroke | null>(null);

  useEffect(() => {
    if (canvasRef.current) draw(canvasRef.current, strokes);
  }, [strokes]);

  const pointAt = (event: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const rect = event.currentTarget.getBoundingClientRect();
    const clamp = (v: number): number => Math.max(0, Math.min(PAD_SIZE, Math.round(v)));
    return [clamp(((event.clientX - rect.left) / rect.width) * PAD_SIZE), clamp(((event.clientY - rect.top) / rect.height) * PAD_SIZE)];
  };
  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>): void => {
    event.preventDefault();
    if (strokes.length >= HANDWRITING_LIMITS.maxStrokes) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    current.current = [pointAt(event)];
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>): void => {
    const stroke = current.current;
    if (!stroke || stroke.length >= HANDWRITING_LIMITS.maxPointsPerStroke) return;
    const [x, y] = pointAt(event);
    const last = stroke[stroke.length - 1];
    if (last && Math.hypot(x - last[0], y - last[1]) < MIN_STEP) return;
    stroke.push([x, y]);
    if (canvasRef.current) draw(canvasRef.current, [...strokes, stroke]);
  };
  const onPointerUp = (): void => {
    const stroke = current.current;
    current.current = null;
    if (stroke) onStrokes([...strokes, stroke]);
  };

  return (
    <div className="handwriting-pad" data-testid="handwriting-pad">
      <canvas
        ref={canvasRef}
        width={PAD_SIZE}
        height={PAD_SIZE}
        className="handwriting-canvas"
        data-testid="handwriting-canvas"
        data-strokes={strokes.length}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      />
      <div className="handwriting-actions">
        <button type="button" className="handwriting-action" data-testid="handwriting-undo" disabled={strokes.length === 0} onMouseDown={keepFocus} onClick={() => onStrokes(strokes.slice(0, -1))}>
          {t('keyboard.undoStroke')}
        </button>
        <button type="button" className="handwriting-action" data-testid="handwriting-clear" disabled={strokes.length === 0} onMouseDown={keepFocus} onClick={() => onStrokes([])}>
          {t('keyboard.clearPad')}
        </button>
        <button type="button" className="handwriting-action" data-testid="handwriting-backspace" aria-label={t('keyboard.backspace')} onMouseDown={keepFocus} onClick={onBackspace}>
          ⌫
        </button>
      </div>
    </div>
  );
}
