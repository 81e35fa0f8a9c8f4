/** How each sticker is drawn: a fixed picture chosen here, never text from the service. */
import type { WishSticker } from '../../common/wishes';

export const STICKER_GLYPHS: Readonly<Record<WishSticker, string>> = {
  heart: '❤️',
  'thumbs-up': '👍',
  sun: '☀️',
  tea: '🍵',
  flower: '🌸',
  strong: '💪',
};

/** Stickers in the order the composer offers them. */
export const STICKERS = Object.keys(STICKER_GLYPHS) as WishSticker[];
