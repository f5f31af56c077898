import type { ItemHistory } from "../git/last-changed.js";
import type { EvidenceDue } from "./evidence-due.js";
import type { GapCode } from "./gap-codes.js";

/** What `cse gaps` found: FORMAT.md's JSON fields, plus what the table and markdown show. */
export interface GapsReport {
  /** The as-of date (YYYY-MM-DD). */
  asOf: string;
  /** The day evidence is judged on: the visit, or the as-of date if later. */
  visitDay: string;
  /** (v2) `assessment.evidence_due` and the days left to it, or null when not set. */
  evidenceDue: EvidenceDue | null;
  /** Counts over the listed elements. */
  summary: GapsSummary;
  /** The listed elements, in standard order. */
  elements: ElementGaps[];
  /** Advice that is not a gap and never fails --fail-on. */
  advisories: Advisory[];
  /** About the submission, for headings. */
  context: GapsContext;
  /** Coverage per criterion, over the listed elements, in standard order. */
  criteria: CriterionCoverage[];
  /** What each owner must do before the visit; people in cse.yaml's order, then no owner. */
  todos: OwnerTodos[];
  /** Below-standard results of the latest finding for listed elements, or null without findings. */
  finding: FindingSummary | null;
  /** Actions not done whose due date is before the as-of date, on listed elements. */
  overdueActions: OverdueAction[];
  /** When each item last changed, from git; set by the command for JSON output only (absent: not looked up). */
  lastChanged?: ItemHistory;
}

/** FORMAT.md's summary. */
export interface GapsSummary {
  /** Listed elements. */
  elements: number;
  /** Listed elements named by at least one ready evidence item or case study. */
  covered: number;
  /** Listed elements with at least one (listed) gap. */
  withGaps: number;
  /** Elements per gap code, every code with a non-zero count, in gap order. */
  byCode: Partial<Record<GapCode, number>>;
}

/** One element's coverage and gaps. */
export interface ElementGaps {
  id: string;
  /** Criterion id. */
  criterion: string;
  /** Sub-criterion id. */
  subcriterion: string;
  /** Ready evidence items naming it. */
  evidence: number;
  /** Ready case studies naming it. */
  caseStudies: number;
  /** Person id from the self-assessment, or null. */
  owner: string | null;
  /** Rating id from the self-assessment, or null. */
  rating: string | null;
  /** Gap codes in FORMAT.md's order (narrowed by --only). */
  gaps: GapCode[];
  /** What the element asks. */
  text: string;
  /** Ids of the ready evidence items naming it. */
  evidenceIds: string[];
  /** Ids of the ready case studies naming it. */
  caseStudyIds: string[];
  /** Ids of the ready evidence items naming it that are stale on the visit day. */
  staleEvidenceIds: string[];
  /** Draft items and case studies naming it (not counted). */
  drafts: number;
}

/** Advice an assessor would give, kept apart from the gaps. */
export type Advisory = IntentOnlyAdvisory | HeavilyCitedAdvisory;

/** An element whose only ready evidence says what the organisation intends, not what it achieved. */
export interface IntentOnlyAdvisory {
  code: "intent-only";
  /** One sentence for a reader. */
  message: string;
  /** The element. */
  element: string;
  /** The policy, procedure and plan items that back it. */
  evidence: string[];
}

/** An evidence item or case study that so many elements cite the submission leans on it too hard. */
export interface HeavilyCitedAdvisory {
  code: "heavily-cited";
  /** One sentence for a reader. */
  message: string;
  /** The evidence item or case study id. */
  item: string;
  /** The elements citing it, standard order. */
  elements: string[];
}

/** About the submission, for headings. */
export interface GapsContext {
  organisation: string;
  /** Title of the pack. */
  title: string;
  /** Title of the standard. */
  standardTitle: string;
  /** rules.min_evidence. */
  minEvidence: number;
  /** rules.evidence_max_age_months. */
  maxAgeMonths: number;
  /** rules.statement_max_words, or null. */
  statementMaxWords: number | null;
  /** Elements in the whole standard (before filters). */
  allElements: number;
  /** Filters in force, as the user wrote them (e.g. "--owner tom"), empty when none. */
  filters: string[];
  /** Rating labels and whether they meet, by id. */
  ratings: Record<string, { label: string; meets: boolean }>;
  /** Person names by id. */
  people: Record<string, string>;
  /** Criterion and sub-criterion titles by id. */
  titles: Record<string, string>;
}

/** Coverage of one criterion. */
export interface CriterionCoverage {
  id: string;
  title: string;
  /** Listed elements of it. */
  elements: number;
  covered: number;
  withGaps: number;
}

/** One thing to do before the visit. */
export interface Todo {
  /** The element it concerns. */
  element: string;
  /** The gap it closes. */
  code: GapCode;
  /** What to do, in a few words. */
  text: string;
}

/** One person's to-dos (person null: elements with no owner). */
export interface OwnerTodos {
  /** Person id, or null for elements nobody owns. */
  person: string | null;
  /** Name from cse.yaml, or a description for null. */
  name: string;
  todos: Todo[];
}

/** The latest finding's below-standard results, as they stand. */
export interface FindingSummary {
  date: string;
  kind: string | null;
  /** Listed elements it rated with a meets:false rating, standard order. */
  results: FindingResult[];
}

/** One below-standard result of the latest finding. */
export interface FindingResult {
  element: string;
  /** The assessor's rating id. */
  rating: string;
  /** Whether it came from `unlisted` rather than `results`. */
  unlisted: boolean;
  /** The assessor's comment (Markdown), or null. */
  comment: string | null;
  /** Actions recorded for the element now. */
  actions: number;
  /** Of which done. */
  done: number;
}

/** An action not done after its due date. */
export interface OverdueAction {
  element: string;
  title: string;
  /** The action's owner, or the element's when the action has none. */
  owner: string | null;
  due: string;
}
