/**
 * HTML built by a tagged template that escapes every interpolated value: a string from a
 * station (wish text, item names, ids) can only ever be text, never markup. Markup is
 * composed by nesting `html` results (and arrays of them), which are passed through.
 */

const SAFE = Symbol('safe-html');

/** Markup made by {@link html}; only this is inserted unescaped. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly text: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML text (also safe inside a quoted attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const isSafe = (value: unknown): value is SafeHtml => typeof value === 'object' && value !== null && SAFE in value;

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function render(value: Part): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map((v: Part) => render(v)).join('');
  if (isSafe(value)) return value.text;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let text = strings[0]!;
  values.forEach((value, i) => {
    text += render(value) + strings[i + 1]!;
  });
  return { [SAFE]: true, text };
}

/** Markup written in this program (an SVG path, a constant stylesheet): never station data. */
export function trusted(text: string): SafeHtml {
  return { [SAFE]: true, text };
}
