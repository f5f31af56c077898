import LineBreaker from "linebreak";
import type { TextStyle } from "./fonts.js";
import type { Run, RunLink, RunSpan } from "./runs.js";

/** A piece of a line in one style and link, placed at `x` from the line's start. */
export interface Fragment {
  text: string;
  style: TextStyle;
  link: RunLink | null;
  /** The tagged span it belongs to, if any. */
  span: RunSpan | null;
  /** Offset from the start of the line, in points. */
  x: number;
  /** Width in points. */
  width: number;
}

/** One line of text. */
export interface Line {
  fragments: Fragment[];
  /** Width of the set text, in points. */
  width: number;
}

/** Width of text in a style, in points (the size is the caller's business). */
export type Measure = (text: string, style: TextStyle) => number;

interface Part {
  /** The text measured when lines are broken. */
  text: string;
  /** The text set, when it is not `text` (a page number measured as its stand-in: Run.shown). */
  shown: string | null;
  style: TextStyle;
  link: RunLink | null;
  span: RunSpan | null;
}

type Item = { kind: "group"; parts: Part[]; space: Part | null } | { kind: "newline" };

/**
 * Breaks runs into lines no wider than `maxWidth`, greedily. Lines break at spaces, at "\n", and
 * inside a word where the Unicode line-breaking algorithm (UAX #14) allows it: after a "/" or "-"
 * (long web addresses, hyphenated words), but not in "12-15" or before closing punctuation; a word wider
 * than a line (a SHA-256 in a narrow column) is broken between characters, so nothing ever
 * runs past `maxWidth`. Spaces are collapsed and never start or end a line. A run with `shown`
 * text (a page number) is measured as its `text` where lines break, kept whole, and placed as
 * `shown`: the line may end a little short of where it would, never past `maxWidth` as long as
 * the stand-in is at least as wide.
 */
export function breakLines(runs: readonly Run[], maxWidth: number, measure: Measure): Line[] {
  const lines: Part[][] = [];
  let line: Part[] = [];
  let width = 0;
  const endLine = () => {
    lines.push(line);
    line = [];
    width = 0;
  };
  const widthOf = (parts: readonly Part[]) => {
    let w = 0;
    for (const p of parts) w += measure(p.text, p.style);
    return w;
  };
  const add = (parts: readonly Part[]) => {
    for (const p of parts) line.push(p);
  };
  for (const item of itemsOf(runs)) {
    if (item.kind === "newline") {
      endLine();
      continue;
    }
    const groupWidth = widthOf(item.parts);
    const space = item.space && line.length > 0 ? item.space : null;
    const spaceWidth = space ? measure(" ", space.style) : 0;
    if (width + spaceWidth + groupWidth <= maxWidth) {
      if (space) line.push(space); // a group's own space, " ", in at most one line
      add(item.parts);
      width += spaceWidth + groupWidth;
    } else if (groupWidth <= maxWidth) {
      endLine();
      add(item.parts);
      width = groupWidth;
    } else {
      if (line.length > 0) endLine();
      for (const chunk of splitByCharacters(item.parts, maxWidth, measure)) {
        if (line.length > 0) endLine();
        add(chunk);
        width = widthOf(chunk);
      }
    }
  }
  if (line.length > 0 || lines.length === 0) endLine();
  return lines.map((parts) => toLine(parts, measure));
}

// Words of these characters only (letters, digits, apostrophes, "." "," ";" ":") hold no break
// opportunity under UAX #14, so the algorithm is not run on them.
const UNBROKEN = /^[A-Za-z0-9\u00C0-\u024F'\u2019.,;:]*$/;

/** A word's pieces between the places a line may break inside it (UAX #14). */
function segmentsOf(word: string): string[] {
  if (UNBROKEN.test(word)) return [word];
  const segments: string[] = [];
  const breaker = new LineBreaker(word);
  let last = 0;
  for (let b = breaker.nextBreak(); b !== null; b = breaker.nextBreak()) {
    if (b.position > last) segments.push(word.slice(last, b.position));
    last = b.position;
  }
  if (last < word.length) segments.push(word.slice(last));
  return segments.length > 0 ? segments : [word];
}

/** The white space between words: space, tab, carriage return, form feed, vertical tab. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 12 || c === 11;
}

const NEWLINE: Item = { kind: "newline" };

/**
 * The runs as groups of parts that are never broken apart (a word, or a piece of one between UAX
 * #14 break opportunities; a part from each run it spans when the word runs across runs) and
 * forced line breaks. Each group
 * notes the space before it, if any: white space is collapsed to one space, in the style of the
 * first white space character. The text is scanned a character at a time (one run after another
 * is the pack's every paragraph, laid out in each pass).
 */
function itemsOf(runs: readonly Run[]): Item[] {
  const items: Item[] = [];
  let cur: Part[] = [];
  let curSpace: Part | null = null;
  let pendingSpace: Part | null = null;
  const flush = () => {
    if (cur.length > 0) items.push({ kind: "group", parts: cur, space: curSpace });
    cur = [];
    curSpace = null;
  };
  for (const run of runs) {
    const text = run.text;
    const span = run.span ?? null;
    if (run.shown !== undefined) {
      if (cur.length === 0) {
        curSpace = pendingSpace;
        pendingSpace = null;
      }
      cur.push({ text, shown: run.shown, style: run.style, link: run.link, span });
      continue;
    }
    for (let i = 0; i < text.length;) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        flush();
        items.push(NEWLINE);
        pendingSpace = null;
        i++;
        continue;
      }
      let j = i + 1;
      if (isSpace(c)) {
        while (j < text.length && isSpace(text.charCodeAt(j))) j++;
        flush();
        pendingSpace ??= { text: " ", shown: null, style: run.style, link: run.link, span };
        i = j;
        continue;
      }
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 10 || isSpace(d)) break;
      }
      const token = text.slice(i, j);
      i = j;
      const segments = run.style === "code" && token.length <= 12 ? null : segmentsOf(token);
      const count = segments === null ? 1 : segments.length;
      for (let k = 0; k < count; k++) {
        if (k > 0) flush();
        if (cur.length === 0) {
          curSpace = pendingSpace;
          pendingSpace = null;
        }
        const part = segments === null ? token : segments[k]!;
        cur.push({ text: part, shown: null, style: run.style, link: run.link, span });
      }
    }
  }
  flush();
  return items;
}

/**
 * Splits an over-long word into chunks that each fit `maxWidth` (at least one character each),
 * of about equal width: a SHA-256 breaks into two halves, not 60 characters and 4.
 */
function splitByCharacters(parts: readonly Part[], maxWidth: number, measure: Measure): Part[][] {
  const total = parts.reduce((n, p) => n + measure(p.text, p.style), 0);
  const target = Math.min(maxWidth, total / Math.ceil(total / maxWidth) + 0.5);
  const chunks: Part[][] = [];
  let chunk: Part[] = [];
  let width = 0;
  for (const p of parts) {
    // A page number is never broken: it goes whole into the chunk it starts.
    for (const ch of p.shown === null ? p.text : [p.text]) {
      const w = measure(ch, p.style);
      if (width + w > target && width > 0) {
        chunks.push(chunk);
        chunk = [];
        width = 0;
      }
      const last = chunk[chunk.length - 1];
      if (p.shown !== null) chunk.push(p);
      else if (
        last &&
        last.shown === null &&
        last.style === p.style &&
        last.link === p.link &&
        last.span === p.span
      )
        last.text += ch;
      else chunk.push({ text: ch, shown: null, style: p.style, link: p.link, span: p.span });
      width += w;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Merges neighbouring parts of one style and link into fragments and places them, as set. */
function toLine(parts: readonly Part[], measure: Measure): Line {
  const fragments: Fragment[] = [];
  for (const p of parts) {
    const text = p.shown ?? p.text;
    const last = fragments[fragments.length - 1];
    if (last && last.style === p.style && sameLink(last.link, p.link) && last.span === p.span)
      last.text += text;
    else fragments.push({ text, style: p.style, link: p.link, span: p.span, x: 0, width: 0 });
  }
  let x = 0;
  for (const f of fragments) {
    f.x = x;
    f.width = measure(f.text, f.style);
    x += f.width;
  }
  return { fragments, width: x };
}

function sameLink(a: RunLink | null, b: RunLink | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === "dest") return a.anchor === (b as typeof a).anchor;
  return a.kind === "url" ? a.href === (b as typeof a).href : a.path === (b as typeof a).path;
}
