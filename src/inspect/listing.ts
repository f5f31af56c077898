import { indexCitations } from "../analyse/citations.js";
import { compareIds } from "../model/natural-order.js";
import type { CaseStudy, Citable, EvidenceItem, Submission } from "../model/types.js";

/** Filters of `cse list`; each one given narrows the list. */
export interface ListFilter {
  /** Items that name this element. */
  element?: string;
  /** Elements of this criterion or sub-criterion, or items naming one of them. */
  criterion?: string;
  /** Elements this person owns in the self-assessment; items this person owns. */
  owner?: string;
  /** Items that name this section (items for the whole organisation name none). */
  section?: string;
  /** Evidence items of this type. */
  type?: string;
  /** Items with this status. */
  status?: "ready" | "draft";
}

/** One element in `cse list elements`. */
export interface ElementRow {
  id: string;
  criterion: string;
  subcriterion: string;
  text: string;
  /** Ready evidence items naming it. */
  evidence: number;
  /** Ready case studies naming it. */
  caseStudies: number;
  /** Drafts naming it. */
  drafts: number;
  /** Self-assessment owner, or null. */
  owner: string | null;
  /** Self-assessment rating, or null. */
  rating: string | null;
}

/** Fields shared by evidence and case study rows. */
interface ItemRow {
  id: string;
  title: string;
  /** Root-relative path of its YAML file. */
  file: string;
  date: string | null;
  status: "ready" | "draft";
  owner: string | null;
  sections: string[];
  /** Element ids it names, in the order written. */
  elements: string[];
}

/** One evidence item in `cse list evidence`. */
export interface EvidenceRow extends ItemRow {
  type: string | null;
  expires: string | null;
}

/** One case study in `cse list case-studies`. */
export interface CaseStudyRow extends ItemRow {
  /** Evidence item ids backing it. */
  evidence: string[];
}

/** The elements of the standard, in standard order, with their citations and self-assessment. */
export function listElements(s: Submission, f: ListFilter): ElementRow[] {
  const cites = indexCitations(s);
  return s.elements
    .filter(
      (e) => f.criterion === undefined || e.criterionId === f.criterion || e.subcriterionId === f.criterion,
    )
    .map((e) => {
      const c = cites.get(e.id);
      const a = s.selfAssessments.get(e.id);
      return {
        id: e.id,
        criterion: e.criterionId,
        subcriterion: e.subcriterionId,
        text: e.text.trim(),
        evidence: c?.evidence.length ?? 0,
        caseStudies: c?.caseStudies.length ?? 0,
        drafts: c?.drafts ?? 0,
        owner: a?.owner ?? null,
        rating: a?.rating ?? null,
      };
    })
    .filter((row) => f.owner === undefined || row.owner === f.owner);
}

/** Evidence items in natural id order (E2 before E10), drafts included unless filtered out. */
export function listEvidence(s: Submission, f: ListFilter): EvidenceRow[] {
  return s.evidence
    .filter((e) => keepItem(s, e, f) && (f.type === undefined || e.type === f.type))
    .map((e) => ({ ...itemRow(e), type: e.type, expires: e.expires }))
    .sort(byId);
}

/** Case studies in natural id order, drafts included unless filtered out. */
export function listCaseStudies(s: Submission, f: ListFilter): CaseStudyRow[] {
  return s.caseStudies
    .filter((c) => keepItem(s, c, f))
    .map((c) => ({ ...itemRow(c), evidence: c.evidence.map((e) => e.id) }))
    .sort(byId);
}

function byId(a: { id: string }, b: { id: string }): number {
  return compareIds(a.id, b.id);
}

function keepItem(s: Submission, item: EvidenceItem | CaseStudy, f: ListFilter): boolean {
  const names = item.elements.map((c) => c.element);
  if (f.element !== undefined && !names.includes(f.element)) return false;
  if (f.criterion !== undefined) {
    const inCriterion = names.some((id) => {
      const e = s.elementById.get(id);
      return e !== undefined && (e.criterionId === f.criterion || e.subcriterionId === f.criterion);
    });
    if (!inCriterion) return false;
  }
  if (f.owner !== undefined && item.owner !== f.owner) return false;
  if (f.section !== undefined && !item.sections.includes(f.section)) return false;
  if (f.status !== undefined && item.status !== f.status) return false;
  return true;
}

function itemRow(item: Citable): ItemRow {
  return {
    id: item.id,
    title: item.title,
    file: item.src.file,
    date: item.date,
    status: item.status,
    owner: item.owner,
    sections: item.sections,
    elements: [...new Set(item.elements.map((c) => c.element))],
  };
}
