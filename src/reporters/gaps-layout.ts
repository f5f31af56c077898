// Layout helpers for the gaps table. Widths count code points, so Welsh and accented letters
// (precomposed, as YAML files hold them) take one column each.

/** The terminal width the gaps table fits. */
export const GAPS_TABLE_WIDTH = 80;

/** Display length of `text` in code points. */
export function widthOf(text: string): number {
  return [...text].length;
}

/** `text` on one line, cut to `width` with an ellipsis, at a word break when one is near. */
export function shorten(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  if (chars.length <= width) return flat;
  if (width <= 1) return chars.slice(0, Math.max(0, width)).join("");
  const cut = chars.slice(0, width - 1).join("");
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
export function wrapProse(text: string, width: number, first: string, rest = " ".repeat(widthOf(first))): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  return fillLines(words, Math.max(10, width - widthOf(first))).map((l, i) => (i === 0 ? first : rest) + l);
}
