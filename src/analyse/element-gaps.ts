import type { Element, Finding, Rating, Submission } from "../model/types.js";
import { countWords } from "../model/words.js";
import type { ElementCitations } from "./citations.js";
import type { GapCode } from "./gap-codes.js";
import { findingRatingOf } from "./latest-finding.js";
import type { ServiceStanding } from "./service-standing.js";
import { isStale } from "./staleness.js";
import { isBelowStandard, isOverdue } from "./judgements.js";

/** What judging an element needs beyond the element itself. */
export interface GapRules {
  submission: Submission;
  asOf: string;
  visitDay: string;
  /** The latest finding, or null. */
  finding: Finding | null;
  /** Ratings by id. */
  ratings: Map<string, Rating>;
  /** How each service standard stands on the as-of day, by the elements it names. */
  standings: Map<string, ServiceStanding[]>;
}

/** One element's gaps (in FORMAT.md's order) and the ready evidence items that are stale. */
export function gapsOfElement(
  element: Element,
  cites: ElementCitations,
  rules: GapRules,
): { gaps: GapCode[]; staleEvidenceIds: string[] } {
  const { config, standard } = rules.submission;
  const gaps: GapCode[] = [];
  const count = cites.evidence.length + cites.caseStudies.length;
  if (count === 0) gaps.push("no-evidence");
  else if (count < config.rules.minEvidence) gaps.push("thin-evidence");

  const stale = cites.evidence.filter((e) => isStale(e, rules.visitDay, config.rules.maxAgeMonths));
  if (cites.evidence.length > 0 && stale.length === cites.evidence.length) gaps.push("stale-evidence");

  const a = rules.submission.selfAssessments.get(element.id);
  const statement = a?.statement?.trim() ? a.statement : null;
  if (!a?.owner) gaps.push("no-owner");
  if (!a?.rating) gaps.push("unrated");
  if (statement === null) gaps.push("no-statement");

  const selfRating = a?.rating ? rules.ratings.get(a.rating) : undefined;
  if (isBelowStandard(selfRating)) gaps.push("below-standard");

  const found = rules.finding ? findingRatingOf(rules.finding, element.id) : null;
  const foundRating = found ? rules.ratings.get(found.rating) : undefined;
  if (isBelowStandard(foundRating) && (a?.actions.length ?? 0) === 0) gaps.push("open-finding");

  if (a?.actions.some((x) => isOverdue(x, rules.asOf))) gaps.push("overdue-action");

  const best = standard.ratings[0];
  if (best && a?.rating === best.id && cites.caseStudies.length === 0) gaps.push("plus-without-case-study");

  const max = config.rules.statementMaxWords;
  if (max !== null && statement !== null && countWords(statement) > max) gaps.push("over-budget");

  const standings = rules.standings.get(element.id) ?? [];
  if (standings.some((x) => x.missed)) gaps.push("missed-target");
  if (standings.some((x) => x.noRecentResult)) gaps.push("no-recent-result");

  return { gaps, staleEvidenceIds: stale.map((e) => e.id) };
}
