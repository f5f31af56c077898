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
  /** Why: every element by the kind of visit, every element as nothing narrows it, or a part. */
  basis: "kind" | "nothing-set" | "part";
  /** The elements in scope, in standard order, each with why. */
  elements: { id: string; reasons: ScopeReason[] }[];
  /** The latest finding, when there is one. */
  finding: Finding | null;
}

/**
 * The coming visit's scope: every element at an initial assessment or reassessment, or when
 * `assessment.scope` is absent and there is no finding; otherwise what `assessment.scope` lists
 * (criteria and sub-criteria stand for their elements) plus every element the latest finding
 * rated below the standard.
 */
export function visitScope(s: Submission): VisitScope {
  const { kind, scope } = s.config.assessment;
  const finding = latestFinding(s);
  const everything = (basis: VisitScope["basis"]): VisitScope => ({
    all: true,
    basis,
    elements: s.elements.map((e) => ({ id: e.id, reasons: [] })),
    finding,
  });
  if (kind === "initial" || kind === "reassessment") return everything("kind");
  if (scope === null && finding === null) return everything("nothing-set");
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
    basis: "part",
    elements,
    finding,
  };
}

/** Element ids in scope, for filtering. */
export function scopeIds(scope: VisitScope): Set<string> {
  return new Set(scope.elements.map((e) => e.id));
}
