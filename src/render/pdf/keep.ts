/**
 * The pagination rules of the PDF in one place, as pure functions of heights and line counts:
 * the Flow (flow.ts) and the block renderers ask them where a page may break. Blocks are laid
 * out to lines first; these rules then decide how many of the lines go on the page.
 *
 * - Widows and orphans: a paragraph broken across pages leaves at least two lines at the foot
 *   and carries at least two to the top of the next page (`linesHere`).
 * - Keep with next: a heading is held back until the first lines of what follows it are known,
 *   and moves to the next page with them when they do not fit (`Flow.keepWithNext`).
 * - Keep together: a short block (a list item with its note, a table's caption, header row and
 *   first row) moves whole rather than split (`keepTogether`).
 * - Short tails: a page-starting unit (an element, a case study) whose last page would carry
 *   only a few lines is set a little tighter so they fit on the page before (`tighten`).
 */

/** Fewest lines of a paragraph left at the foot of a page. */
export const ORPHAN_LINES = 2;
/** Fewest lines of a paragraph carried to the top of the next page. */
export const WIDOW_LINES = 2;
/** The most body lines a unit's last page may hold and still count as a short tail. */
export const TAIL_LINES = 4;
/** A block up to this share of a page moves whole rather than split. */
const KEEP_WHOLE_SHARE = 0.25;

/**
 * How many of a paragraph's `total` lines to set on a page with room for `room` more lines:
 * all of them when they fit; otherwise as many as fit while leaving at least `WIDOW_LINES` for
 * the next page, or none (the paragraph starts on the next page) when fewer than
 * `ORPHAN_LINES` would stay. On an empty page (`fresh`) at least one line is set, whatever the
 * rules say, so a paragraph taller than a page still goes down.
 */
export function linesHere(total: number, room: number, fresh: boolean): number {
  const fit = Math.max(0, Math.floor(room + 1e-6));
  if (fit >= total) return total;
  let n = Math.min(fit, total - WIDOW_LINES);
  if (n < ORPHAN_LINES) n = 0;
  if (n === 0 && fresh) return Math.max(1, fit);
  return n;
}

/**
 * The height a block asks to have on the page before it starts: the whole block when it is
 * short (at most a quarter of a page), else its first `minimum` points (its first lines).
 */
export function keepTogether(height: number, minimum: number, pageHeight: number): number {
  return height <= pageHeight * KEEP_WHOLE_SHARE ? Math.max(height, minimum) : minimum;
}

/** What a layout pass records of a page-starting unit, for `tighten`. */
export interface UnitRecord {
  /** Pages the unit covers. */
  pages: number;
  /** Height used on its last page, in points. */
  lastPageUsed: number;
  /** Natural (untightened) line height summed over the unit's paragraph lines, in points. */
  lines: number;
  /** Natural space between blocks summed over the unit, in points. */
  gaps: number;
}

/** How much tighter a unit is set: leading by up to 5 %, the space between blocks by up to half. */
export const TIGHTEN = { leading: 0.05, gaps: 0.5 } as const;

/** How a unit is fitted to its pages. */
export interface TailFit {
  /** How tightly it is set: 0 as designed, 1 the most allowed (`TIGHTEN`). */
  tight: number;
  /** Points taken off the foot of its last-but-one page, so more of it goes to the last. */
  shorten: number;
  /** Which of its pages (0 = its first) is shortened. */
  page: number;
}

/** A unit set as designed. */
export const AS_DESIGNED: TailFit = { tight: 0, shorten: 0, page: 0 };

/**
 * How to fit a unit whose last page would hold only a few lines (a short tail), given how the
 * pass that found it fitted it. First choice: set it a little tighter, enough to pull the tail
 * back onto the page before. When even the tightest setting allowed would not do, the page
 * before breaks earlier instead, so the last page carries more than a short tail. A unit
 * without a short tail keeps its fit; a shortened one stays shortened (so passes settle).
 */
export function fitTail(unit: UnitRecord, current: TailFit, bodyLine: number): TailFit {
  if (current.shorten > 0) return current;
  // About four lines, with the space around them (a table row's padding, a gap between blocks).
  if (unit.pages < 2 || unit.lastPageUsed > (TAIL_LINES + 1) * bodyLine) return current;
  const give = TIGHTEN.leading * unit.lines + TIGHTEN.gaps * unit.gaps;
  // The tail, plus a little for the rounding of page breaks to whole lines.
  const tight = give > 0 ? current.tight + (unit.lastPageUsed + bodyLine / 2) / give : Infinity;
  if (tight <= 1) return { ...current, tight };
  return { tight: 0, shorten: (TAIL_LINES + 2) * bodyLine, page: unit.pages - 2 };
}

/** Whether two fits are the same. */
export function sameFit(a: TailFit, b: TailFit): boolean {
  return a.tight === b.tight && a.shorten === b.shorten && a.page === b.page;
}
