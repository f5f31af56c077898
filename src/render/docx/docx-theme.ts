import { COLOUR as SHARED, type ColourName } from "../colours.js";

/**
 * The look of the Word pack in one place, matching the PDF's (src/render/pdf/theme.ts): A4,
 * the same type sizes and colours. Sizes are in half-points (Word's unit for type) and
 * twentieths of a point (twips) for spacing, as the docx package takes them.
 */

/** The PDF's faces (Noto Sans and DejaVu Sans Mono, free to embed); Word shows them, else the fallback. */
export const FONT = { body: "Noto Sans", code: "DejaVu Sans Mono", fallback: "Arial" } as const;

/** A4 in twips, with the PDF's margins (62 pt sides, 68 pt top, 64 pt bottom). */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 1360,
  bottom: 1280,
  left: 1240,
  right: 1240,
  header: 600,
  footer: 600,
} as const;

/** Width of the text column, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Body text: 10 pt, 1.45 lines. */
export const BODY = { size: 20, line: 348 } as const;

/** Heading sizes (half-points) by Word heading level (1 = a top-level section). */
export const HEADING_SIZE: Record<number, number> = { 1: 38, 2: 29, 3: 25, 4: 22, 5: 20, 6: 20 };

/** Table text, 8.8 pt rounded to Word's half-points. */
export const TABLE_SIZE = 18;

/** The pack's colours (render/colours.ts), as Word writes them: upper-case hex without "#". */
export const COLOUR = Object.fromEntries(
  Object.entries(SHARED).map(([name, hex]) => [name, hex.slice(1).toUpperCase()]),
) as Record<ColourName, string>;
