import type { Submission } from "../model/types.js";
import { findAdvisories } from "./advisories.js";
import { indexCitations } from "./citations.js";
import { gapsOfElement } from "./element-gaps.js";
import { evidenceDueOf } from "./evidence-due.js";
import { GAP_CODES, type GapCode } from "./gap-codes.js";
import { filterElement, type GapsFilter } from "./gaps-filter.js";
import type { CriterionCoverage, ElementGaps, GapsReport, GapsSummary } from "./gaps-report.js";
import { latestFinding } from "./latest-finding.js";
import { standingsByElement } from "./service-standing.js";
import { visitDayOf } from "./staleness.js";
import { findingSummaryOf, overdueActionsOf, todosByOwner } from "./todos.js";

/** How to analyse. */
export interface CoverageOptions {
  /** The as-of date, YYYY-MM-DD. */
  asOf: string;
  /** Narrows the listed elements. */
  filter?: GapsFilter;
  /** The filters as the user wrote them, for headings. */
  filterLabels?: string[];
}

/**
 * The coverage and gaps of every element of the standard (FORMAT.md's `cse gaps`): counts of
 * ready evidence items and case studies, gap codes, advisories, and what each owner must do.
 * Pure: the submission in, the report out.
 */
export function analyseCoverage(s: Submission, options: CoverageOptions): GapsReport {
  const { asOf } = options;
  const visitDay = visitDayOf(s.config.assessment.date, asOf);
  const finding = latestFinding(s);
  const ratings = new Map(s.standard.ratings.map((r) => [r.id, r]));
  const index = indexCitations(s);
  const standings = standingsByElement(s.serviceStandards, asOf);
  const rules = { submission: s, asOf, visitDay, finding, ratings, standings };
  const listed: ElementGaps[] = [];
  for (const element of s.elements) {
    const cites = index.get(element.id) ?? { evidence: [], caseStudies: [], drafts: 0 };
    const a = s.selfAssessments.get(element.id);
    const { gaps, staleEvidenceIds } = gapsOfElement(element, cites, rules);
    const el: ElementGaps = {
      id: element.id,
      criterion: element.criterionId,
      subcriterion: element.subcriterionId,
      evidence: cites.evidence.length,
      caseStudies: cites.caseStudies.length,
      owner: a?.owner ?? null,
      rating: a?.rating ?? null,
      gaps,
      text: element.text,
      evidenceIds: cites.evidence.map((e) => e.id),
      caseStudyIds: cites.caseStudies.map((c) => c.id),
      staleEvidenceIds,
      drafts: cites.drafts,
    };
    const kept = filterElement(el, cites, options.filter ?? {}, s);
    if (kept) listed.push(kept);
  }
  const todoContext = { submission: s, asOf, visitDay, finding, ratings, standings };
  return {
    asOf,
    visitDay,
    evidenceDue: evidenceDueOf(s.config.assessment.evidenceDue, asOf),
    summary: summarise(listed),
    elements: listed,
    advisories: findAdvisories(s, listed, index),
    context: {
      organisation: s.config.organisation,
      title: s.config.title,
      standardTitle: s.standard.title,
      minEvidence: s.config.rules.minEvidence,
      maxAgeMonths: s.config.rules.maxAgeMonths,
      statementMaxWords: s.config.rules.statementMaxWords,
      allElements: s.elements.length,
      filters: options.filterLabels ?? [],
      ratings: Object.fromEntries(s.standard.ratings.map((r) => [r.id, { label: r.label, meets: r.meets }])),
      people: Object.fromEntries(s.config.people.map((p) => [p.id, p.name])),
      titles: Object.fromEntries(
        s.standard.criteria.flatMap((c) => [
          [c.id, c.title],
          ...c.subcriteria.map((sc) => [sc.id, sc.title]),
        ]),
      ),
    },
    criteria: coverageByCriterion(s, listed),
    todos: todosByOwner(listed, todoContext),
    finding: findingSummaryOf(listed, todoContext),
    overdueActions: overdueActionsOf(listed, todoContext),
  };
}

function summarise(listed: ElementGaps[]): GapsSummary {
  const byCode: Partial<Record<GapCode, number>> = {};
  for (const code of GAP_CODES) {
    const n = listed.filter((el) => el.gaps.includes(code)).length;
    if (n) byCode[code] = n;
  }
  return {
    elements: listed.length,
    covered: listed.filter(isCovered).length,
    withGaps: listed.filter((el) => el.gaps.length > 0).length,
    byCode,
  };
}

/** Covered: at least one ready evidence item or case study names it. */
function isCovered(el: ElementGaps): boolean {
  return el.evidence + el.caseStudies > 0;
}

function coverageByCriterion(s: Submission, listed: ElementGaps[]): CriterionCoverage[] {
  return s.standard.criteria.flatMap((c) => {
    const mine = listed.filter((el) => el.criterion === c.id);
    if (mine.length === 0) return [];
    return [
      {
        id: c.id,
        title: c.title,
        elements: mine.length,
        covered: mine.filter(isCovered).length,
        withGaps: mine.filter((el) => el.gaps.length > 0).length,
      },
    ];
  });
}
