import type { Block, Inline, ParagraphBlock } from "./document-model.js";
import { inNumber } from "../util/plural.js";

/** Plain text. */
export const text = (t: string, strong = false): Inline => ({ type: "text", text: t, strong });

/** A link to an anchor in the document. */
export const ref = (anchor: string, t: string): Inline => ({ type: "ref", anchor, text: t });

/** Fixed-width text. */
export const code = (t: string): Inline => ({ type: "code", text: t });

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

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2025-10-15" → "15 October 2025"; anything else is returned as written. */
export function formatDate(date: string | null): string {
  if (date === null) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : date;
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
