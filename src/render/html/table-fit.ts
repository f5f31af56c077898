import type { Inline, TableBlock } from "../../pack/document-model.js";

/**
 * The width a table has on the narrowest phone the pack is made for, in CSS pixels: a 320-pixel
 * screen less the page's side padding (2 × 12) and an element's left rule and padding (about 14).
 */
export const PHONE_TABLE_WIDTH = 282;
/**
 * A generous average width of one character of table text on a phone (0.85rem, 13.6 px): bold
 * capitals and digits of the system sans-serif fonts stay under it.
 */
const PX_PER_CHAR = 8.8;
/** A cell's padding on a phone: 0.25rem each side. */
const CELL_PADDING = 8;

/**
 * Whether a table's columns fit side by side on a phone without breaking a word: each column
 * needs room for its longest unbreakable piece (a word of its header or cells; a whole cell in a
 * column kept on one line). A table that does not fit is shown on phones as stacked cards, one
 * per row, each cell as "label: value" (styles.css, `table.cards`).
 */
export function fitsPhone(table: TableBlock): boolean {
  let width = 0;
  table.columns.forEach((column, c) => {
    if (column.paged === true) return;
    const pieces = [column.label, ...table.rows.map((row) => cellText(row[c] ?? []))].flatMap((text, i) =>
      // The header row wraps like any text; only body cells keep the column's nowrap.
      i > 0 && column.nowrap ? [text] : unbreakablePieces(text),
    );
    width += Math.max(0, ...pieces.map((p) => [...p].length)) * PX_PER_CHAR + CELL_PADDING;
  });
  return width <= PHONE_TABLE_WIDTH;
}

/** The text a cell shows in the HTML (a badge's shape and words, a citation's id and title). */
export function cellText(cell: readonly Inline[]): string {
  return cell
    .map((inline) => {
      switch (inline.type) {
        case "cite":
          return `${inline.id} ${inline.title}`;
        case "badge":
          return `\u25cf ${inline.text}`;
        case "page":
          return "";
        default:
          return inline.text;
      }
    })
    .join("");
}

/**
 * The pieces a line may not be broken inside: words, split after a hyphen between letters
 * ("Self-assessment" breaks as "Self-" and "assessment") as browsers do; a hyphen before a digit
 * ("2025-26") gives no break.
 */
export function unbreakablePieces(text: string): string[] {
  return text
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=\p{L}-)(?=\p{L})/u))
    .filter((p) => p.length > 0);
}
