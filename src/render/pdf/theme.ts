/**
 * The look of the PDF in one place: page geometry, type sizes and colours. A4 portrait, one
 * column of about 70 characters (Noto Sans at 10.5 pt), with margins wide enough to hole-punch
 * and annotate the pack.
 */
export const PAGE = {
  /** A4 in points. */
  width: 595.28,
  height: 841.89,
  top: 68,
  bottom: 64,
  left: 108,
  right: 104,
  /** The margin a wide table (five or more columns) reaches out to on either side of the column. */
  outer: 62,
  /** Baseline area of the running header and footer, from the page's top and bottom edges. */
  headerY: 30,
  footerY: 36,
} as const;

/** Width of the text column. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Body text size and the line height as a multiple of the size. */
export const BODY = { size: 10.5, leading: 1.45 } as const;

/**
 * Heading sizes by rank (2 = a top-level section; the cover title is rank 1): steps of about
 * a fifth from the body's 10.5 pt, all bold.
 */
export const HEADING_SIZE: Record<number, number> = { 1: 26, 2: 20, 3: 15.5, 4: 13, 5: 11.5, 6: 10.5 };

/** Space before and after a heading, by rank. */
export const HEADING_SPACE: Record<number, { before: number; after: number }> = {
  1: { before: 0, after: 10 },
  2: { before: 0, after: 10 },
  3: { before: 16, after: 6 },
  4: { before: 14, after: 5 },
  5: { before: 10, after: 3 },
  6: { before: 8, after: 2 },
};

/** Space between blocks. */
export const BLOCK_GAP = 7;

/** Table text size and cell padding. */
export const TABLE = { size: 9, padX: 4, padY: 3.4 } as const;

/** The pack's colours (hex), shared with the Word pack. */
export { COLOUR } from "../colours.js";
