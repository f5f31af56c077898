/** The gap codes of FORMAT.md, in the order of its table: an element's gaps are listed in this order. */
export const GAP_CODES = [
  "no-evidence",
  "thin-evidence",
  "stale-evidence",
  "no-owner",
  "unrated",
  "no-statement",
  "below-standard",
  "open-finding",
  "overdue-action",
  "plus-without-case-study",
  "over-budget",
  "missed-target",
  "no-recent-result",
] as const;

/** One gap code. */
export type GapCode = (typeof GAP_CODES)[number];

/** Whether `s` is a gap code. */
export function isGapCode(s: string): s is GapCode {
  return (GAP_CODES as readonly string[]).includes(s);
}

/** Sorts gap codes into the order of FORMAT.md's table. */
export function inGapOrder(codes: Iterable<GapCode>): GapCode[] {
  return [...new Set(codes)].sort((a, b) => GAP_CODES.indexOf(a) - GAP_CODES.indexOf(b));
}
