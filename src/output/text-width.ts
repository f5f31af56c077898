// Layout helpers for text tables. Widths are terminal columns: most characters take one, wide
// East Asian characters and emoji two, combining marks and zero-width joiners none.
import { createRequire } from "node:module";

/** The terminal width text reports (gaps, diff, list, show) fit. */
export const TERMINAL_WIDTH = 80;

// string-width (with its tables) is loaded on the first text that is not plain ASCII: most runs
// print none (a clean `cse validate`) or only ASCII, and its start-up was 20 ms of a cached one.
let stringWidth: ((text: string) => number) | undefined;
const require = createRequire(import.meta.url);

/** Display width of `text` in terminal columns, by Unicode's East Asian width and emoji rules. */
export function widthOf(text: string): number {
  // Printable ASCII takes a column a character (what string-width says of it too).
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  stringWidth ??= (require("string-width") as { default: (text: string) => number }).default;
  return stringWidth(text);
}

// Made on first use: making one is ICU's start-up (15 ms), which most runs never need.
let graphemes: Intl.Segmenter | undefined;

/** The longest start of `text` no wider than `width` columns, never splitting what a reader sees as one character. */
function takeWidth(text: string, width: number): string {
  let w = 0;
  let out = "";
  graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  for (const { segment } of graphemes.segment(text)) {
    const cw = widthOf(segment);
    if (w + cw > width) break;
    w += cw;
    out += segment;
  }
  return out;
}

/** `text` on one line, cut to `width` with an ellipsis, at a word break when one is near. */
export function shorten(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (widthOf(flat) <= width) return flat;
  if (width <= 1) return takeWidth(flat, Math.max(0, width));
  const cut = takeWidth(flat, width - 1);
  const space = cut.lastIndexOf(" ");
  // Cut at the last word break unless that would throw away more than a third of the room.
  const kept = space > (width * 2) / 3 ? cut.slice(0, space) : cut;
  return kept.trimEnd().replace(/[,;:.]$/, "") + "…";
}

/** Pads on the right to `width`. */
export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - widthOf(text)));
}

/** Pads on the left to `width`. */
export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - widthOf(text))) + text;
}

/**
 * Splits `words` into lines no wider than `width`, joining words on a line with `sep`; a word
 * wider than the line is cut.
 */
export function fillLines(words: string[], width: number, sep = " "): string[] {
  const lines: string[] = [];
  let current = "";
  for (const raw of words) {
    const word = widthOf(raw) > width ? shorten(raw, width) : raw;
    if (current === "") current = word;
    else if (widthOf(current) + widthOf(sep) + widthOf(word) <= width) current += sep + word;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** Wraps prose to `width`, the first line after `first` and the rest after `rest` (same width). */
export function wrapProse(
  text: string,
  width: number,
  first: string,
  rest = " ".repeat(widthOf(first)),
): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  return fillLines(words, Math.max(10, width - widthOf(first))).map((l, i) => (i === 0 ? first : rest) + l);
}
