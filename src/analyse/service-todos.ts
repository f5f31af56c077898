import { periodName } from "../model/periods.js";
import type { ServiceStanding, Target } from "./service-standing.js";

const UNIT_SUFFIX: Record<Target["unit"], (n: string) => string> = {
  percent: (n) => `${n}%`,
  days: (n) => `${n} ${n === "1" ? "day" : "days"}`,
  hours: (n) => `${n} ${n === "1" ? "hour" : "hours"}`,
  minutes: (n) => `${n} ${n === "1" ? "minute" : "minutes"}`,
  count: (n) => n,
};

/** A figure in its unit: "93.4%", "3 days", "12". */
export function figure(target: Target, value: number): string {
  return UNIT_SUFFIX[target.unit](String(value));
}

/** The target in words: "at least 90%", "at most 3 days". */
export function targetText(target: Target): string {
  return `${target.direction === "at-least" ? "at least" : "at most"} ${figure(target, target.value)}`;
}

/** The to-do of `missed-target`: which standards missed, when, and by how much. */
export function missedTargetText(standings: readonly ServiceStanding[]): string {
  const missed = standings.filter((x) => x.missed && x.latestRecorded?.result);
  const parts = missed.map((x) => {
    const { period, result } = x.latestRecorded!;
    const how = `${figure(x.target, result!.value)}; target ${targetText(x.target)}`;
    return `${x.standard.id} missed its target in ${periodName(period)} (${how})`;
  });
  return `${parts.join("; ")}: say what is being done about it`;
}

/** The to-do of `no-recent-result`: which standards lack a result for their latest complete period. */
export function noRecentResultText(standings: readonly ServiceStanding[]): string {
  const lacking = standings.filter((x) => x.noRecentResult);
  const parts = lacking.map((x) => `${x.standard.id} for ${periodName(x.latestComplete)}`);
  return `record the result of ${parts.join(", ")} (cse record)`;
}
