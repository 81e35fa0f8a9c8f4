/**
 * A QR code drawn as inline SVG from the `qrcode` package's module matrix: no canvas, no
 * data URL, nothing for the CSP to allow, and crisp at any size.
 */
import { useMemo, type ReactElement } from 'react';
import { create } from 'qrcode';

/** Quiet zone in modules, as the QR spec requires for reliable scanning. */
const MARGIN = 4;

/** SVG path of every dark module, one `h1v1h-1z` square each. */
export function qrPath(text: string): { size: number; d: string } | null {
  try {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) d += `M${col + MARGIN} ${row + MARGIN}h1v1h-1z`;
      }
    }
    return { size: modules.size + 2 * MARGIN, d };
  } catch {
    // Empty or too long a link: better no code than a crash.
    return null;
  }
}

export function QrCode({ text, label }: { readonly text: string; readonly label: string }): ReactElement | null {
  const qr = useMemo(() => qrPath(text), [text]);
  if (qr === null) return null;
  return (
    <svg className="qr" viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}
