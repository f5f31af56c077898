import type { Submission } from "../model/types.js";
import type { ElementCitations } from "./citations.js";
import type { GapCode } from "./gap-codes.js";
import type { ElementGaps } from "./gaps-report.js";

/** Filters of `cse gaps`; each one given narrows the listed elements. */
export interface GapsFilter {
  /** A criterion or sub-criterion id. */
  criterion?: string;
  /** A person id: elements that person owns in the self-assessment. */
  owner?: string;
  /** A section id: elements whose owner works in it, or that a ready item for that section names. */
  section?: string;
  /** Gap codes: elements with at least one of them, showing only those. */
  only?: GapCode[];
  /** (v2) `--scope visit`: the element ids in the coming visit's scope. */
  scope?: ReadonlySet<string>;
}

/**
 * Applies the filters to one element: null when it is not listed, else the element with its
 * gaps narrowed to `only`.
 */
export function filterElement(
  el: ElementGaps,
  cites: ElementCitations,
  filter: GapsFilter,
  s: Submission,
): ElementGaps | null {
  if (
    filter.criterion !== undefined &&
    el.criterion !== filter.criterion &&
    el.subcriterion !== filter.criterion
  )
    return null;
  if (filter.scope !== undefined && !filter.scope.has(el.id)) return null;
  if (filter.owner !== undefined && el.owner !== filter.owner) return null;
  if (filter.section !== undefined && !inSection(el, cites, filter.section, s)) return null;
  if (filter.only !== undefined) {
    const only = new Set(filter.only);
    const gaps = el.gaps.filter((g) => only.has(g));
    return gaps.length ? { ...el, gaps } : null;
  }
  return el;
}

// Items without `sections` belong to the whole organisation; they do not tie an element to any
// one section, or every section's list would hold nearly every element.
function inSection(el: ElementGaps, cites: ElementCitations, section: string, s: Submission): boolean {
  const owner = el.owner === null ? undefined : s.config.people.find((p) => p.id === el.owner);
  if (owner?.section === section) return true;
  return [...cites.evidence, ...cites.caseStudies].some((item) => item.sections.includes(section));
}
