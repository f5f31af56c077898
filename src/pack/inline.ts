import type { Block, Inline, ParagraphBlock } from "./document-model.js";
import { inNumber } from "../util/plural.js";

/**
 * Plain text. A short text recurs through a pack thousands of times (", " between ids, "Element ",
 * a tick or an empty cell of a matrix, a date, a label), so each is made once and shared: the
 * pack's document is never changed once built (they are frozen, so a change would fail loudly).
 * At 30,000 items the document held about 600,000 such objects (docs/benchmarks.md, issue 22).
 */
export function text(t: string, strong = false): Inline {
  if (t.length > SHARED_TEXT) return { type: "text", text: t, strong };
  const shared = strong ? SHARED_STRONG : SHARED_PLAIN;
  let inline = shared.get(t);
  if (inline === undefined) {
    if (shared.size >= SHARED_MAX) shared.clear();
    inline = Object.freeze({ type: "text", text: t, strong });
    shared.set(t, inline);
  }
  return inline;
}

/** The longest text shared, in UTF-16 units: longer ones are mostly an item's own (a title, a name). */
const SHARED_TEXT = 24;
/** Texts shared at most: the tables start afresh past it (a pack of many distinct short texts). */
const SHARED_MAX = 10_000;
const SHARED_PLAIN = new Map<string, Inline>();
const SHARED_STRONG = new Map<string, Inline>();

/** A link to an anchor in the document. */
export const ref = (anchor: string, t: string): Inline => ({ type: "ref", anchor, text: t });

/** Fixed-width text. */
export const code = (t: string): Inline => ({ type: "code", text: t });

/** A citation of an evidence item or case study by id and title. */
export const cite = (
  anchor: string,
  id: string,
  title: string,
  attachment: string | null = null,
): Inline => ({
  type: "cite",
  anchor,
  id,
  title,
  attachment,
});

/** The page where an anchor starts (paged output only). */
export const pageRef = (anchor: string): Inline => ({ type: "page", anchor });

/** A paragraph. */
export const para = (content: Inline[], role: ParagraphBlock["role"] = "plain"): Block => ({
  type: "paragraph",
  content,
  role,
});

/** A minor heading. */
export const heading = (level: number, t: string): Block => ({ type: "heading", level, text: t });

/** Joins runs of inline content with a separator, e.g. refs with ", ". */
export function joinInline(parts: Inline[][], separator = ", "): Inline[] {
  return parts.flatMap((p, i) => (i === 0 ? p : [text(separator), ...p]));
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(language: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(language);
  if (!f) {
    const options = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } as const;
    try {
      f = new Intl.DateTimeFormat(language, options);
    } catch {
      // A tag Intl does not know (the schema only checks its form): English rather than a crash.
      f = new Intl.DateTimeFormat("en-GB", options);
    }
    FORMATTERS.set(language, f);
  }
  return f;
}

/**
 * "2025-10-15" → "15 October 2025", written out in the pack's language through Intl (a `cy`
 * pack says "15 Hydref 2025"); anything else is returned as written.
 */
export function formatDate(date: string | null, language = "en-GB"): string {
  if (date === null) return "";
  // A pack writes a few hundred dates thousands of times over, and Intl is slow: each once.
  const key = `${language}\0${date}`;
  let written = FORMATTED.get(key);
  if (written === undefined) {
    if (FORMATTED.size >= 10_000) FORMATTED.clear();
    written = formatDateNow(date, language);
    FORMATTED.set(key, written);
  }
  return written;
}

const FORMATTED = new Map<string, string>();

function formatDateNow(date: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? date : dateFormatter(language).format(d);
}

/** 1234567 → "1,234,567 bytes" (written out so it does not depend on the machine's locale data). */
export function formatBytes(n: number): string {
  const digits = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${digits} ${inNumber(n, "byte")}`;
}

// "1 case study", "3 case studies": the pack's name for util/plural.ts, the one home of plurals.
export { plural as count } from "../util/plural.js";

/** "web-page" → "Web page". */
export function labelOf(id: string): string {
  const s = id.replace(/-/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}
