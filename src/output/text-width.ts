// Layout helpers for text tables. Widths are terminal columns: most characters take one, wide
// East Asian characters and emoji two, combining marks and zero-width joiners none.

/** The terminal width text reports (gaps, diff, list, show) fit. */
export const TERMINAL_WIDTH = 80;

const ZERO = /^[\p{M}\u200B-\u200F\u2060\uFE00-\uFE0F]$/u;

/** Columns a character takes in a terminal. */
function charWidth(ch: string): number {
  if (ZERO.test(ch)) return 0;
  const cp = ch.codePointAt(0)!;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Display width of `text` in terminal columns. */
export function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** The longest start of `text` no wider than `width` columns. */
function takeWidth(text: string, width: number): string {
  let w = 0;
  let out = "";
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > width) break;
    w += cw;
    out += ch;
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
