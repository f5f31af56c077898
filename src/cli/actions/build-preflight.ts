import { analyseCoverage } from "../../analyse/analyse-coverage.js";
import type { GapCode } from "../../analyse/gap-codes.js";
import type { Submission } from "../../model/types.js";
import { plural } from "../../util/plural.js";

const EVIDENCE_GAPS: readonly GapCode[] = ["no-evidence", "thin-evidence", "stale-evidence"];

const GAP_WORDS: Partial<Record<GapCode, string>> = {
  "no-evidence": "no evidence",
  "thin-evidence": "too little evidence",
  "stale-evidence": "only out-of-date evidence",
};

/** What the build checks before it writes: the gaps of every element on the as-of day. */
export interface Preflight {
  /** Lines for stderr naming each element claimed as meeting the standard without enough evidence; "" when none. */
  summary: string;
  /** The elements having each of `failOn`'s codes (only codes present). */
  failing: { code: GapCode; elements: string[] }[];
}

/**
 * The pre-flight check of `cse build`: elements self-rated as meeting the standard whose
 * evidence is missing, thin or only stale (said on stderr, so the pack is not sent out
 * unawares), and the gaps `--fail-on` names.
 */
export function preflight(s: Submission, asOf: string, failOn: readonly GapCode[]): Preflight {
  const report = analyseCoverage(s, { asOf });
  const meets = new Set(s.standard.ratings.filter((r) => r.meets).map((r) => r.id));
  const weak = report.elements.filter(
    (e) => e.rating !== null && meets.has(e.rating) && e.gaps.some((g) => EVIDENCE_GAPS.includes(g)),
  );
  const lines = weak.map((e) => {
    const words = e.gaps.flatMap((g) => (GAP_WORDS[g] ? [GAP_WORDS[g]] : []));
    return `  ${e.id.padEnd(8)} ${words.join(", ")}\n`;
  });
  const summary = weak.length === 0 ? "" : `cse build: ${claimedWithout(weak.length)}:\n${lines.join("")}`;
  const failing = failOn.flatMap((code) => {
    const elements = report.elements.filter((e) => e.gaps.includes(code)).map((e) => e.id);
    return elements.length > 0 ? [{ code, elements }] : [];
  });
  return { summary, failing };
}

/** The refusal of `--fail-on`, naming each gap and its elements. */
export function failOnMessage(failing: Preflight["failing"]): string {
  const lines = failing.map((f) => `  ${f.code}: ${f.elements.join(", ")}\n`);
  const why = "refusing to build while these gaps remain (--fail-on); any earlier pack is left as it was";
  return `cse build: ${why}:\n${lines.join("")}`;
}

/** "2 elements are claimed as meeting the standard without enough evidence". */
function claimedWithout(n: number): string {
  return `${plural(n, "element")} ${n === 1 ? "is" : "are"} claimed as meeting the standard without enough evidence`;
}
