/**
 * Inline SVG icons (no image files, no icon font): stroke drawings on a 24×24 grid, drawn in
 * the current text colour so they follow the high-contrast theme. Icons help workers who
 * read little Chinese find their way.
 */
import type { ReactElement } from 'react';

const PATHS = {
  card: (
    <>
      <rect x="2.5" y="5" width="19" height="14" rx="2" />
      <path d="M2.5 9.5h19M6 15h4" />
    </>
  ),
  contactless: <path d="M8 8.5a5 5 0 0 1 0 7M11.5 6a9 9 0 0 1 0 12M15 3.5a13 13 0 0 1 0 17" />,
  person: (
    <>
      <circle cx="12" cy="7.5" r="3.5" />
      <path d="M4.5 21a7.5 7.5 0 0 1 15 0" />
    </>
  ),
  union: (
    <>
      <path d="M12 2.5l2.9 5.9 6.5.9-4.7 4.6 1.1 6.5L12 17.3l-5.8 3.1 1.1-6.5-4.7-4.6 6.5-.9z" />
    </>
  ),
  qr: (
    <>
      <rect x="3" y="3" width="7" height="7" />
      <rect x="14" y="3" width="7" height="7" />
      <rect x="3" y="14" width="7" height="7" />
      <path d="M14 14h3v3h-3zM20 14v.01M14 20.5h.01M17.5 20.5H21v-3" />
    </>
  ),
  check: <path d="M4 12.5l5 5L20 6.5" />,
  alert: (
    <>
      <path d="M12 3L2 20.5h20z" />
      <path d="M12 9.5v5M12 17.5v.01" />
    </>
  ),
  wave: <path d="M7 20V10.5a1.5 1.5 0 0 1 3 0V8a1.5 1.5 0 0 1 3 0v1a1.5 1.5 0 0 1 3 0v1.5a1.5 1.5 0 0 1 3 0V15a6 6 0 0 1-6 6h-1a6 6 0 0 1-5-2.5L4.5 14a1.5 1.5 0 0 1 2.5-1.6z" />,
  clock: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3.5 2" />
    </>
  ),
  home: <path d="M3 11.5L12 4l9 7.5M5.5 9.5V20h13V9.5" />,
  water: <path d="M12 3c3.5 4.5 6 8 6 11a6 6 0 0 1-12 0c0-3 2.5-6.5 6-11z" />,
  microwave: (
    <>
      <rect x="2.5" y="5" width="19" height="14" rx="1.5" />
      <rect x="5" y="8" width="10" height="8" />
      <path d="M18 8.5v.01M18 12v.01M18 15.5v.01" />
    </>
  ),
  charging: <path d="M13 2.5L5 13.5h6l-1 8 8-11h-6z" />,
  haircut: (
    <>
      <circle cx="6" cy="17.5" r="3" />
      <circle cx="18" cy="17.5" r="3" />
      <path d="M8 15.5L19 3M16 15.5L5 3" />
    </>
  ),
  health: <path d="M12 20.5s-8.5-5-8.5-11A4.5 4.5 0 0 1 12 7a4.5 4.5 0 0 1 8.5 2.5c0 6-8.5 11-8.5 11zM7 12h3l1.5-2.5 2 5 1.5-2.5h2" />,
  'first-aid': (
    <>
      <rect x="3" y="6" width="18" height="14" rx="2" />
      <path d="M9 6V4h6v2M12 10v6M9 13h6" />
    </>
  ),
  books: <path d="M4 4.5h6a2 2 0 0 1 2 2V20a2 2 0 0 0-2-1.5H4zM20 4.5h-6a2 2 0 0 0-2 2V20a2 2 0 0 1 2-1.5h6z" />,
  counselling: <path d="M4 5h16v11H9l-5 4z" />,
  food: (
    <>
      <path d="M5 9h12v5a5 5 0 0 1-5 5h-2a5 5 0 0 1-5-5z" />
      <path d="M17 10.5h1.5a2.5 2.5 0 0 1 0 5H17M9 3.5v2.5M13 3.5v2.5" />
    </>
  ),
  rest: <path d="M3 19v-8M21 19v-5H3M3 14h18M6.5 11.5a2 2 0 1 0 0-.01M10 11h9a2 2 0 0 1 2 2" />,
  legal: <path d="M12 3.5v17M7 20.5h10M4 7.5h16M6.5 7.5L3.5 14a3 3 0 0 0 6 0zM17.5 7.5l-3 6.5a3 3 0 0 0 6 0z" />,
  women: (
    <>
      <circle cx="12" cy="8.5" r="5" />
      <path d="M12 13.5v8M8.5 18h7" />
    </>
  ),
  scooter: (
    <>
      <circle cx="5.5" cy="17" r="2.5" />
      <circle cx="18.5" cy="17" r="2.5" />
      <path d="M8 17h7l2-7h-3M17 10l1.5 4.5M3 10h6v4H4.5" />
    </>
  ),
  box: (
    <>
      <path d="M3 7.5L12 3l9 4.5v9L12 21l-9-4.5z" />
      <path d="M3 7.5l9 4.5 9-4.5M12 12v9M7.5 5.2l9 4.6" />
    </>
  ),
  car: (
    <>
      <path d="M3 16.5v-4l2-5h14l2 5v4zM3 12.5h18" />
      <circle cx="7" cy="16.5" r="1.8" />
      <circle cx="17" cy="16.5" r="1.8" />
    </>
  ),
  broom: <path d="M14 3l-3.5 8.5M7 11.5h7l2.5 9.5h-12zM9 16l-.5 5M12.5 16l.3 5" />,
  dots: <path d="M5.5 12h.01M12 12h.01M18.5 12h.01" />,
  star: <path d="M12 2.5l2.9 5.9 6.5.9-4.7 4.6 1.1 6.5L12 17.3l-5.8 3.1 1.1-6.5-4.7-4.6 6.5-.9z" />,
  // Cable plugs drawn by what sets them apart at a glance: USB-C's rounded oval face, the
  // flat Lightning blade with its contact pads, Micro-USB's trapezoid face.
  'usb-c': (
    <>
      <rect x="3.5" y="8.5" width="17" height="7" rx="3.5" />
      <path d="M8 12h8" />
    </>
  ),
  lightning: (
    <>
      <rect x="8.5" y="1.5" width="7" height="12" rx="2" />
      <path d="M10.8 4.5h2.4M10.8 7.5h2.4M10.8 10.5h2.4" />
      <rect x="6.5" y="13.5" width="11" height="8" rx="2" fill="currentColor" />
    </>
  ),
  'micro-usb': (
    <>
      <path d="M1.5 4.5h21l-5 15h-11z" />
      <path d="M8 10h8M9.5 14h5" />
    </>
  ),
  locker: (
    <>
      <rect x="4" y="2.5" width="16" height="19" rx="1.5" />
      <path d="M4 8.8h16M4 15.2h16M15 5.7h2M15 12h2M15 18.3h2" />
    </>
  ),
  phone: (
    <>
      <rect x="7" y="2.5" width="10" height="19" rx="2" />
      <path d="M11 18.5h2" />
    </>
  ),
  // Points down; turned towards the card reader with CSS.
  'arrow-down': <path d="M12 2.5v17M5 13l7 7 7-7" />,
  back: <path d="M10 5l-7 7 7 7M3.5 12H21" />,
  backspace: <path d="M21 5H9l-6 7 6 7h12zM12 9.5l5 5M17 9.5l-5 5" />,
  bell: <path d="M6 17v-6a6 6 0 0 1 12 0v6l1.5 2h-15zM10 21.5h4" />,
  speaker: <path d="M4 9.5h4l5-4.5v14l-5-4.5H4zM16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />,
  'speaker-off': <path d="M4 9.5h4l5-4.5v14l-5-4.5H4zM16.5 9.5l5 5M21.5 9.5l-5 5" />,
  printer: <path d="M7 8.5V3h10v5.5M7 17H4.5v-7a1.5 1.5 0 0 1 1.5-1.5h12a1.5 1.5 0 0 1 1.5 1.5v7H17M7 14h10v7H7z" />,
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof PATHS;

/** Offer icon names from the station config that mean the same as one of ours. */
const ALIASES: Record<string, IconName> = {
  'hot-water': 'water',
  drink: 'water',
  charge: 'charging',
  phone: 'charging',
  haircut: 'haircut',
  barber: 'haircut',
  sewing: 'haircut',
  medical: 'first-aid',
  'health-check': 'health',
  library: 'books',
  book: 'books',
  psychology: 'counselling',
  chat: 'counselling',
  snacks: 'food',
  meal: 'food',
  tea: 'food',
  seat: 'rest',
  sofa: 'rest',
  law: 'legal',
  'legal-aid': 'legal',
  'tyre-pump': 'scooter',
  pump: 'scooter',
};

function isIconName(name: string): name is IconName {
  return Object.hasOwn(PATHS, name);
}

/** Resolves a configured icon name; unknown names get a generic star, never a blank. */
export function resolveIcon(name: string): IconName {
  if (isIconName(name)) return name;
  // hasOwn: a configured name like "constructor" must not reach Object.prototype.
  return Object.hasOwn(ALIASES, name) ? (ALIASES[name] ?? 'star') : 'star';
}

export function Icon({ name, className }: { readonly name: IconName; readonly className?: string }): ReactElement {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
