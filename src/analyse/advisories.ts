import type { Submission } from "../model/types.js";
import type { ElementCitations } from "./citations.js";
import type { Advisory, ElementGaps } from "./gaps-report.js";

/** Evidence types that say what the organisation means to do, not what it achieved. */
export const INTENT_TYPES: ReadonlySet<string> = new Set(["policy", "procedure", "plan"]);

/** An item cited by more elements than this is leaned on too hard. */
export const MAX_CITING_ELEMENTS = 8;

/**
 * Advice that is not a gap: listed elements backed only by statements of intent, then items
 * cited by more than MAX_CITING_ELEMENTS elements (shown when one of those elements is listed).
 */
export function findAdvisories(
  s: Submission,
  listed: ElementGaps[],
  index: Map<string, ElementCitations>,
): Advisory[] {
  const advisories: Advisory[] = [];
  for (const el of listed) {
    const cites = index.get(el.id);
    if (!cites || cites.evidence.length === 0 || cites.caseStudies.length > 0) continue;
    if (!cites.evidence.every((e) => e.type !== null && INTENT_TYPES.has(e.type))) continue;
    const named = cites.evidence.map((e) => `${e.id} (${e.type})`).join(", ");
    advisories.push({
      code: "intent-only",
      message:
        `${el.id} rests only on statements of intent: ${named}; ` +
        "add evidence of what was achieved, such as survey results, data, a report or a case study",
      element: el.id,
      evidence: cites.evidence.map((e) => e.id),
    });
  }
  const listedIds = new Set(listed.map((el) => el.id));
  for (const item of [...s.evidence, ...s.caseStudies]) {
    if (item.status === "draft") continue;
    const cited = new Set(item.elements.map((c) => c.element));
    const elements = s.elements.filter((e) => cited.has(e.id)).map((e) => e.id);
    if (elements.length <= MAX_CITING_ELEMENTS || !elements.some((id) => listedIds.has(id))) continue;
    const what = item.kind === "evidence" ? "evidence item" : "case study";
    advisories.push({
      code: "heavily-cited",
      message:
        `${what} ${item.id} (${item.title}) is cited by ${elements.length} elements; ` +
        "an assessor may doubt one item shows so much: cite it where it is strongest, " +
        "and say in each note which part shows what",
      item: item.id,
      elements,
    });
  }
  return advisories;
}
