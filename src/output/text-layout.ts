import { padEnd, shorten, TERMINAL_WIDTH, widthOf } from "./text-width.js";

// Paragraph wrapping and simple tables for terminal text (list, show), in terminal columns.

/** The width text reports are laid out for. */
export const TEXT_WIDTH = TERMINAL_WIDTH;

/**
 * Markdown (or plain text) wrapped to `width` columns, each line prefixed by `indent`. Lines of a
 * paragraph are joined and refilled, as Markdown reads them; blank lines, list items, headings
 * and quotes start new lines; code (fenced or indented) is kept as written.
 */
export function wrap(text: string, width: number, indent = ""): string[] {
  const room = Math.max(20, width - indent.length);
  const out: string[] = [];
  let fenced = false;
  let pending: { lead: string; words: string[] } | null = null;
  const flush = () => {
    if (pending) out.push(...fill(pending.lead, pending.words, room).map((l) => indent + l));
    pending = null;
  };
  for (const line of text.replace(/\s+$/, "").split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || /^\s*(```|~~~)/.test(line) || /^( {4}|\t)/.test(line)) {
      flush();
      out.push(indent + line);
    } else if (line.trim() === "") {
      flush();
      out.push("");
    } else {
      const lead = /^\s*(?:[-*+>]\s+|\d+[.)]\s+|#{1,6}\s+)/.exec(line)?.[0];
      if (lead !== undefined || pending === null) {
        flush();
        pending = { lead: lead ?? "", words: [] };
      }
      pending.words.push(
        ...line
          .slice(lead?.length ?? 0)
          .split(/\s+/)
          .filter(Boolean),
      );
    }
  }
  flush();
  return out;
}

/** Words filled into lines of `room` columns; the first starts with `lead`, the rest hang under it. */
function fill(lead: string, words: string[], room: number): string[] {
  const hang = " ".repeat(widthOf(lead));
  const lines: string[] = [];
  let current = lead;
  let fresh = true; // nothing but the lead (or hang) on the line yet
  for (const word of words) {
    const candidate = fresh ? current + word : `${current} ${word}`;
    if (widthOf(candidate) > room && !fresh) {
      lines.push(current);
      current = hang + word;
    } else current = candidate;
    fresh = false;
  }
  if (!fresh || lead.trim() !== "") lines.push(current);
  return lines;
}

/** A column of a table: its heading, and at most how wide it may be (the last column takes the rest). */
export interface Column {
  /** Heading, printed in the first row. */
  heading: string;
  /** Widest the column may be; cells longer than this are cut. */
  max?: number;
}

/**
 * Lays rows out as columns two spaces apart, each as wide as its widest cell (up to its `max`),
 * the last column cut so every line fits in `width`.
 */
export function table(columns: Column[], rows: string[][], width = TEXT_WIDTH): string[] {
  const widths = columns.map((c, i) => {
    const widest = Math.max(widthOf(c.heading), ...rows.map((r) => widthOf(r[i] ?? "")));
    return Math.min(widest, c.max ?? Infinity);
  });
  const fixed = widths.slice(0, -1).reduce((sum, w) => sum + w + 2, 0);
  widths[widths.length - 1] = Math.max(10, Math.min(widths[widths.length - 1]!, width - fixed));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const cut = shorten(cell, widths[i]!);
        return i === cells.length - 1 ? cut : padEnd(cut, widths[i]!);
      })
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.heading)), ...rows.map(line)];
}
