import type { Finding, Submission } from "../model/types.js";
import { findingRatingOf, latestFinding } from "./latest-finding.js";

/** Why an element is in the visit's scope. */
export type ScopeReason =
  /** `assessment.scope` lists it, or its criterion or sub-criterion (`via`). */
  | { kind: "listed"; via: string }
  /** The latest finding rated it with a `meets: false` rating. */
  | { kind: "below-standard"; rating: string; date: string };

/** FORMAT.md's visit scope: every element, or the union of `assessment.scope` and last time's below-standard ones. */
export interface VisitScope {
  /** Whether the visit looks at every element. */
  all: boolean;
  /** Why it looks at every element, or at a part: a sentence for a reader. */
  summary: string;
  /** The elements in scope, in standard order, each with why. */
  elements: { id: string; reasons: ScopeReason[] }[];
  /** The latest finding, when there is one. */
  finding: Finding | null;
}

const KIND_PHRASE = {
  initial: "An initial assessment",
  "annual-review": "An annual review",
  reassessment: "A reassessment",
} as const;

/**
 * The coming visit's scope: every element at an initial assessment or reassessment, or when
 * `assessment.scope` is absent and there is no finding; otherwise what `assessment.scope` lists
 * (criteria and sub-criteria stand for their elements) plus every element the latest finding
 * rated below the standard.
 */
export function visitScope(s: Submission): VisitScope {
  const { kind, scope } = s.config.assessment;
  const finding = latestFinding(s);
  const everything = (summary: string): VisitScope => ({
    all: true,
    summary,
    elements: s.elements.map((e) => ({ id: e.id, reasons: [] })),
    finding,
  });
  if (kind === "initial" || kind === "reassessment")
    return everything(`${KIND_PHRASE[kind]} looks at every element of the standard.`);
  if (scope === null && finding === null)
    return everything(
      "No scope is set in cse.yaml and there is no earlier assessment on record, so the visit covers every element.",
    );
  const listed = new Set((scope ?? []).map((x) => x.id));
  const ratings = new Map(s.standard.ratings.map((r) => [r.id, r]));
  const elements = s.elements.flatMap((e) => {
    const reasons: ScopeReason[] = [];
    const via = [e.id, e.subcriterionId, e.criterionId].find((id) => listed.has(id));
    if (via !== undefined) reasons.push({ kind: "listed", via });
    const found = finding ? findingRatingOf(finding, e.id) : null;
    if (finding && found && ratings.get(found.rating)?.meets === false)
      reasons.push({ kind: "below-standard", rating: found.rating, date: finding.date });
    return reasons.length ? [{ id: e.id, reasons }] : [];
  });
  return {
    all: elements.length === s.elements.length,
    summary: partSummary(
      kind === "annual-review" ? KIND_PHRASE[kind] : "The visit",
      scope?.length ?? 0,
      finding,
    ),
    elements,
    finding,
  };
}

function partSummary(visit: string, listed: number, finding: Finding | null): string {
  const parts = [
    ...(listed ? ["what cse.yaml's assessment.scope lists"] : []),
    ...(finding ? [`every element the assessment of ${finding.date} rated below the standard`] : []),
  ];
  return `${visit} looks at part of the standard: ${parts.join(", and ")}.`;
}

/** Element ids in scope, for filtering. */
export function scopeIds(scope: VisitScope): Set<string> {
  return new Set(scope.elements.map((e) => e.id));
}
