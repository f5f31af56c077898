import { subtractMonths } from "../util/dates.js";

/**
 * The day evidence is judged on: the assessor's visit, or the as-of date when that is later
 * (a visit in the past cannot make evidence fresher than it is today).
 */
export function visitDayOf(assessmentDate: string | null, asOf: string): string {
  return assessmentDate !== null && assessmentDate > asOf ? assessmentDate : asOf;
}

/** The oldest `date` that is still current on the visit day: the visit day minus `months` calendar months. */
export function oldestCurrentDate(visitDay: string, months: number): string {
  return subtractMonths(visitDay, months);
}

/** What staleness looks at in an evidence item. */
export interface Dated {
  date: string | null;
  expires: string | null;
}

/** Why an item is stale on the visit day, or null when it is current. */
export function staleReason(item: Dated, visitDay: string, months: number): "expired" | "too-old" | null {
  // Dates are YYYY-MM-DD, so string order is calendar order.
  if (item.expires !== null && item.expires < visitDay) return "expired";
  if (item.date !== null && item.date < oldestCurrentDate(visitDay, months)) return "too-old";
  return null;
}

/** Whether an item is stale on the visit day: expired before it, or dated before visit day minus `months`. */
export function isStale(item: Dated, visitDay: string, months: number): boolean {
  return staleReason(item, visitDay, months) !== null;
}
