/** `assessment.evidence_due` counted from the as-of day. */
export interface EvidenceDue {
  /** The day the evidence goes to the assessor, YYYY-MM-DD. */
  date: string;
  /** Days from the as-of day to it: 0 on the day, negative once it has passed. */
  daysLeft: number;
}

const DAY = 86_400_000;

/** Days from one calendar date to another (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** How far off the evidence's due day is, or null when cse.yaml sets none. */
export function evidenceDueOf(date: string | null, asOf: string): EvidenceDue | null {
  return date === null ? null : { date, daysLeft: daysBetween(asOf, date) };
}

/** "due in 12 days", "due tomorrow", "due today", "was due 3 days ago". */
export function dueInWords(due: EvidenceDue): string {
  const n = due.daysLeft;
  if (n === 0) return "due today";
  if (n === 1) return "due tomorrow";
  if (n > 1) return `due in ${n} days`;
  return n === -1 ? "was due yesterday" : `was due ${-n} days ago`;
}
