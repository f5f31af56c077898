import type { Inline, TableBlock } from "../../pack/document-model.js";

/**
 * The width a table has on the narrowest phone the pack is made for, in CSS pixels: a 320-pixel
 * screen less the page's side padding (2 × 12) and an element's left rule and padding (about 14).
 */
export const PHONE_TABLE_WIDTH = 282;
/** The widest a table can be on any screen: the page's 52rem less its padding and an element's indent. */
export const WIDEST_TABLE_WIDTH = 786;
/**
 * A generous average width of a character, in ems: bold capitals and digits of the system
 * sans-serif fonts stay under it.
 */
const EM_PER_CHAR = 0.65;

/**
 * How a table is shown where it cannot fit: "" when its columns fit side by side on a phone;
 * "cards" when they do not, so that narrow screens (up to 48rem) show it as stacked cards, one
 * per row, each cell as "label: value" (styles.css); "cards cards-always" when they fit on no
 * screen at all (a case study × element table of fifty case studies), so it is cards everywhere.
 */
export function tableLayout(table: TableBlock, rowChars = rowCharsOf): string {
  const chars = columnChars(table, rowChars);
  if (widthAt(table, chars, 16, 16) > WIDEST_TABLE_WIDTH) return "cards cards-always";
  return widthAt(table, chars, 13.6, 8) > PHONE_TABLE_WIDTH ? "cards" : "";
}

/**
 * The narrowest a table's columns can sit side by side without breaking a word, in CSS pixels,
 * at a font size and a cell's padding (both sides): each column needs room for its longest
 * unbreakable piece (a word of its header or cells; a whole cell in a column kept on one line).
 */
export function minTableWidth(table: TableBlock, fontPx: number, cellPaddingPx: number): number {
  return widthAt(table, columnChars(table, rowCharsOf), fontPx, cellPaddingPx);
}

function widthAt(table: TableBlock, chars: readonly number[], fontPx: number, cellPaddingPx: number): number {
  let width = 0;
  table.columns.forEach((column, c) => {
    if (column.paged !== true) width += (chars[c] ?? 0) * EM_PER_CHAR * fontPx + cellPaddingPx;
  });
  return width;
}

/** Each column's longest unbreakable piece, in characters, of its header and its cells. */
function columnChars(table: TableBlock, rowChars: typeof rowCharsOf): number[] {
  // The header row wraps like any text; only body cells keep the column's nowrap.
  const chars = table.columns.map((column) =>
    Math.max(0, ...unbreakablePieces(column.label).map((p) => [...p].length)),
  );
  for (const row of table.rows) {
    const own = rowChars(table.columns, row);
    for (let c = 0; c < chars.length; c++) chars[c] = Math.max(chars[c]!, own[c] ?? 0);
  }
  return chars;
}

/** A row's longest unbreakable piece in each column, in characters (`cse preview` keeps them by row). */
export function rowCharsOf(columns: TableBlock["columns"], row: TableBlock["rows"][number]): number[] {
  return columns.map((column, c) => {
    const text = cellText(row[c] ?? []);
    const pieces = column.nowrap ? [text] : unbreakablePieces(text);
    return Math.max(0, ...pieces.map((p) => [...p].length));
  });
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
