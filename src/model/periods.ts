import type { PeriodKind } from "./raw-types.js";
import { daysInMonth } from "../util/dates.js";

/** A service standard's reporting period: a month, a quarter or a year. */
export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  index: number;
}

const FORM = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;
const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, year: 1 };
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

/** Reads "2026-09", "2026-Q3" or "2026"; null when it is none of these. */
export function parsePeriod(text: string): Period | null {
  const m = FORM.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: "month", year, index: Number(m[2]) };
  if (m[3]) return { kind: "quarter", year, index: Number(m[3]) };
  return { kind: "year", year, index: 1 };
}

/** The period as written in YAML: "2026-09", "2026-Q3", "2026". */
export function periodText(p: Period): string {
  const y = String(p.year).padStart(4, "0");
  if (p.kind === "month") return `${y}-${String(p.index).padStart(2, "0")}`;
  return p.kind === "quarter" ? `${y}-Q${p.index}` : y;
}

/** A number that orders periods of one kind. */
export function periodOrdinal(p: Period): number {
  return p.year * PER_YEAR[p.kind] + (p.index - 1);
}

function fromOrdinal(kind: PeriodKind, n: number): Period {
  const per = PER_YEAR[kind];
  return { kind, year: Math.floor(n / per), index: (n % per) + 1 };
}

/** The period of `kind` that holds a day (YYYY-MM-DD). */
export function periodOf(kind: PeriodKind, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (kind === "month") return { kind, year, index: month };
  return kind === "quarter" ? { kind, year, index: Math.ceil(month / 3) } : { kind, year, index: 1 };
}

/** The last day of a period, YYYY-MM-DD. */
export function periodEnd(p: Period): string {
  const lastMonth = p.kind === "month" ? p.index : p.kind === "quarter" ? p.index * 3 : 12;
  const y = String(p.year).padStart(4, "0");
  return `${y}-${String(lastMonth).padStart(2, "0")}-${String(daysInMonth(p.year, lastMonth)).padStart(2, "0")}`;
}

/**
 * The latest complete period on an as-of day: the last one that ended before that day. The
 * period holding the as-of day ends on it or later, so it is always the one before (a month
 * ending on the as-of day is not yet complete: its result cannot be in yet).
 */
export function latestCompletePeriod(kind: PeriodKind, asOf: string): Period {
  return fromOrdinal(kind, periodOrdinal(periodOf(kind, asOf)) - 1);
}

/** The `count` periods up to and including `last`, oldest first. */
export function periodsUpTo(last: Period, count: number): Period[] {
  const end = periodOrdinal(last);
  return Array.from({ length: count }, (_, i) => fromOrdinal(last.kind, end - count + 1 + i));
}

/** How many recent periods the pack shows: 12 months, 8 quarters or 5 years. */
export const RECENT_PERIODS: Record<PeriodKind, number> = { month: 12, quarter: 8, year: 5 };

/** The period in words: "November 2026", "July to September 2026 (Q3)", "2026". */
export function periodName(p: Period): string {
  if (p.kind === "month") return `${MONTHS[p.index - 1]} ${p.year}`;
  if (p.kind === "year") return String(p.year);
  const first = MONTHS[(p.index - 1) * 3]!;
  const last = MONTHS[p.index * 3 - 1]!;
  return `${first} to ${last} ${p.year} (Q${p.index})`;
}

/** A short label for a chart's axis: "Nov", "Q3 26", "2026". */
export function periodLabel(p: Period): string {
  if (p.kind === "month") return MONTHS[p.index - 1]!.slice(0, 3);
  return p.kind === "quarter" ? `Q${p.index} ${String(p.year).slice(2)}` : String(p.year);
}
