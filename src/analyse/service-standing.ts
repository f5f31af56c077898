import {
  latestCompletePeriod,
  parsePeriod,
  periodOrdinal,
  periodsUpTo,
  RECENT_PERIODS,
  type Period,
} from "../model/periods.js";
import type { ServiceResult, ServiceStandard } from "../model/types.js";

/** A service standard's target, as the model holds it. */
export type Target = NonNullable<ServiceStandard["target"]>;

/** One period of a standard's recent history: its result, or null when none was recorded. */
export interface PeriodResult {
  period: Period;
  result: ServiceResult | null;
  /** Whether the result meets the target; null without a result. */
  met: boolean | null;
}

/** How a service standard stands on an as-of day (FORMAT.md: the latest complete period). */
export interface ServiceStanding {
  standard: ServiceStandard;
  target: Target;
  /** The last period that ended before the as-of day. */
  latestComplete: Period;
  /** The latest result recorded up to the latest complete period, or null. */
  latestRecorded: PeriodResult | null;
  /** The recent periods the pack shows (12 months, 8 quarters or 5 years), oldest first. */
  recent: PeriodResult[];
  /** `missed-target`: the latest recorded result misses the target. */
  missed: boolean;
  /** `no-recent-result`: nothing is recorded for the latest complete period. */
  noRecentResult: boolean;
}

/** Whether a value meets a target: at least it, or at most it. */
export function meetsTarget(target: Target, value: number): boolean {
  return target.direction === "at-least" ? value >= target.value : value <= target.value;
}

/**
 * Judges a service standard on an as-of day. Results for later periods are ignored; results of
 * another period kind (a schema error) are too. Null when the standard's target or period
 * cannot be read (validate reports why).
 */
export function standingOf(standard: ServiceStandard, asOf: string): ServiceStanding | null {
  const { target, period: kind } = standard;
  if (!target || !kind) return null;
  const latestComplete = latestCompletePeriod(kind, asOf);
  const last = periodOrdinal(latestComplete);
  const byOrdinal = new Map<number, ServiceResult>();
  for (const r of standard.results) {
    const p = parsePeriod(r.period);
    // The first of duplicates, as validate reports the second.
    if (p && p.kind === kind && !byOrdinal.has(periodOrdinal(p))) byOrdinal.set(periodOrdinal(p), r);
  }
  const judged = (period: Period): PeriodResult => {
    const result = byOrdinal.get(periodOrdinal(period)) ?? null;
    return { period, result, met: result ? meetsTarget(target, result.value) : null };
  };
  const recorded = [...byOrdinal.keys()].filter((n) => n <= last).sort((a, b) => a - b);
  const latestOrdinal = recorded[recorded.length - 1];
  const latestRecorded =
    latestOrdinal === undefined ? null : judged(periodsUpTo(latestComplete, last - latestOrdinal + 1)[0]!);
  return {
    standard,
    target,
    latestComplete,
    latestRecorded,
    recent: periodsUpTo(latestComplete, RECENT_PERIODS[kind]).map(judged),
    missed: latestRecorded?.met === false,
    noRecentResult: !byOrdinal.has(last),
  };
}

/** The standings of every readable service standard, by the element ids each names. */
export function standingsByElement(
  standards: readonly ServiceStandard[],
  asOf: string,
): Map<string, ServiceStanding[]> {
  const out = new Map<string, ServiceStanding[]>();
  for (const standard of standards) {
    const standing = standingOf(standard, asOf);
    if (!standing) continue;
    for (const id of new Set(standard.elements.map((e) => e.id)))
      out.set(id, [...(out.get(id) ?? []), standing]);
  }
  return out;
}
