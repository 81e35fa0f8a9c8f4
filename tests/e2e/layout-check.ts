/**
 * What a tired worker would trip over on a screen, measured in the page: two visible buttons
 * that overlap, and text or buttons cut off (wider than their box, outside the viewport, or
 * outside an ancestor that clips its content). Each problem is one line naming the element.
 */
import type { Page } from '@playwright/test';

/** Waits for entrance animations (finite ones) so boxes are measured where they come to rest. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(SETTLE_IN_PAGE);
}

/** Every layout problem on the page now; empty when none. */
export async function layoutProblems(page: Page): Promise<string[]> {
  await settle(page);
  return page.evaluate(LAYOUT_PROBLEMS_IN_PAGE) as Promise<string[]>;
}

/** The kiosk's smallest target, either way (base.css: "no target smaller than 88 px"). */
export const MIN_TARGET_PX = 88;

/** Buttons smaller than MIN_TARGET_PX in either direction; empty when none. */
export async function smallTargets(page: Page): Promise<string[]> {
  await settle(page);
  return page.evaluate(`${SMALL_TARGETS_IN_PAGE}(${MIN_TARGET_PX})`) as Promise<string[]>;
}

const SMALL_TARGETS_IN_PAGE = `((min) => [...document.querySelectorAll('button')]
  .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; })
  .map((el) => [el, el.getBoundingClientRect()])
  .filter(([, r]) => r.width < min - 1 || r.height < min - 1)
  .map(([el, r]) => \`button smaller than \${min} px (\${Math.round(r.width)}×\${Math.round(r.height)}): \${el.getAttribute('data-testid') ?? el.className} "\${(el.textContent ?? '').trim().slice(0, 20)}"\`))`;

// The checks run in the page. They are kept as script text so the Node-side type check needs
// no DOM library (which would let DOM names slip into service code unnoticed).

const SETTLE_IN_PAGE = `(async () => {
  const finite = document.getAnimations().filter((a) => {
    const iterations = a.effect ? a.effect.getTiming().iterations : undefined;
    return iterations !== undefined && Number.isFinite(iterations);
  });
  await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
})()`;

const LAYOUT_PROBLEMS_IN_PAGE = `(() => {
    const TOLERANCE = 1;
    const problems = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const shown = (el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && Number(cs.opacity) > 0;
    };
    const name = (el) => {
      const id = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? \`.\${el.className.split(' ')[0]}\` : '';
      return \`\${id ? \`[\${id}]\` : \`\${el.tagName.toLowerCase()}\${cls}\`} "\${text}"\`;
    };
    const outside = (r, box) =>
      r.left < box.left - TOLERANCE || r.top < box.top - TOLERANCE || r.right > box.right + TOLERANCE || r.bottom > box.bottom + TOLERANCE;
    const viewport = { left: 0, top: 0, right: vw, bottom: vh };

    /** The nearest ancestor that clips or scrolls its content, with its box. */
    const clippers = (el) => {
      const out = [];
      for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
        const cs = getComputedStyle(p);
        if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') out.push(p);
      }
      return out;
    };

    if (document.documentElement.scrollHeight > vh + TOLERANCE || document.documentElement.scrollWidth > vw + TOLERANCE) {
      problems.push(\`page scrolls: \${document.documentElement.scrollWidth}×\${document.documentElement.scrollHeight} in a \${vw}×\${vh} viewport\`);
    }

    const buttons = [...document.querySelectorAll('button')].filter(shown);
    for (let i = 0; i < buttons.length; i += 1) {
      const a = buttons[i].getBoundingClientRect();
      for (let j = i + 1; j < buttons.length; j += 1) {
        const b = buttons[j].getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > TOLERANCE && h > TOLERANCE) {
          problems.push(\`buttons overlap by \${Math.round(w)}×\${Math.round(h)} px: \${name(buttons[i])} and \${name(buttons[j])}\`);
        }
      }
    }

    // Text: every element holding text of its own, and every button as a whole.
    const texts = [...document.body.querySelectorAll('*')].filter(
      (el) => shown(el) && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== ''),
    );
    for (const el of new Set([...texts, ...buttons])) {
      const r = el.getBoundingClientRect();
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + TOLERANCE) {
        problems.push(\`text wider than its box (\${el.scrollWidth} > \${el.clientWidth} px): \${name(el)}\`);
      }
      if (outside(r, viewport)) {
        problems.push(\`outside the screen (\${Math.round(r.left)},\${Math.round(r.top)}–\${Math.round(r.right)},\${Math.round(r.bottom)}): \${name(el)}\`);
        continue;
      }
      const clip = clippers(el).find((c) => outside(r, c.getBoundingClientRect()));
      if (clip) problems.push(\`cut off by \${name(clip).slice(0, 30)}: \${name(el)}\`);
    }
    return problems;
})()`;
