// The shapes of the YAML files as written, one interface per JSON Schema in schemas/.
// test/schema-types.test.ts checks that every interface here has exactly its schema's fields,
// and which are required, so the two cannot drift apart.

/** cse.yaml (schemas/cse.schema.json). */
export interface RawConfig {
  /** Who is being assessed. */
  organisation: string;
  /** Title of the pack. */
  title?: string;
  /** Folder of the standard. */
  standard?: string;
  /** The coming visit. */
  assessment: RawAssessmentVisit;
  /** Parts of the organisation. */
  sections: RawSection[];
  /** Owners of elements, evidence and actions. */
  people?: RawPerson[];
  /** (v2) The customer groups served. */
  customers?: RawCustomer[];
  /** (v2) Term → expansion. */
  glossary?: Record<string, string>;
  /** (v2) Document control. */
  document?: RawDocumentControl;
  /** Rules for gaps. */
  rules?: RawRules;
  /** Settings of build. */
  build?: RawBuild;
}

/** cse.yaml `assessment`. */
export interface RawAssessmentVisit {
  /** What the coming visit is. */
  kind: AssessmentKind;
  /** The visit day. */
  date: string;
  /** Certification body or assessor. */
  assessor?: string;
  /** (v2) Criterion, sub-criterion or element ids the visit covers. */
  scope?: string[];
  /** (v2) The day the evidence goes to the assessor. */
  evidence_due?: string;
}

/** What an assessment visit is. */
export type AssessmentKind = "initial" | "annual-review" | "reassessment";

/** cse.yaml `sections[]`. */
export interface RawSection {
  /** Section id. */
  id: string;
  /** Section name. */
  name: string;
}

/** cse.yaml `people[]`. */
export interface RawPerson {
  /** Person id. */
  id: string;
  /** Person's name. */
  name: string;
  /** Section id. */
  section?: string;
  /** Role. */
  role?: string;
}

/** (v2) cse.yaml `customers[]`. */
export interface RawCustomer {
  /** Customer group id. */
  id: string;
  /** Group name. */
  name: string;
  /** Markdown description. */
  description?: string;
  /** Size in words. */
  size?: string;
}

/** (v2) cse.yaml `document`. */
export interface RawDocumentControl {
  /** Version of the submission. */
  version: string;
  /** draft or final. */
  status: "draft" | "final";
  /** Person id of the approver. */
  approved_by?: string;
  /** Approval date. */
  approved_on?: string;
  /** Person id of the assessor's contact. */
  contact?: string;
}

/** (v2) How the assessor can see an item. */
export type AccessKind = "attached" | "public-link" | "internal-link" | "on-site" | "on-request";

/** cse.yaml `rules`. */
export interface RawRules {
  /** Citations each element needs. */
  min_evidence?: number;
  /** Months before evidence goes stale. */
  evidence_max_age_months?: number;
  /** Word budget per statement. */
  statement_max_words?: number;
}

/** cse.yaml `build`. */
export interface RawBuild {
  /** Output folder. */
  output?: string;
  /** Formats to write. */
  formats?: ("html" | "pdf" | "docx" | "zip")[];
  /** One file per format, or volumes by criterion. */
  split?: "none" | "criterion";
  /** BCP 47 language tag. */
  language?: string;
  /** Path to the introduction's Markdown. */
  introduction?: string;
}

/** criteria/standard.yaml (schemas/standard.schema.json). */
export interface RawStandard {
  /** Standard id. */
  id: string;
  /** Standard title. */
  title: string;
  /** Edition. */
  edition?: string;
  /** Rating scale, best first. */
  ratings: RawRating[];
}

/** criteria/standard.yaml `ratings[]`. */
export interface RawRating {
  /** Rating id. */
  id: string;
  /** Label shown. */
  label: string;
  /** Whether it satisfies an element. */
  meets: boolean;
}

/** criteria/<criterion>.yaml (schemas/criterion.schema.json). */
export interface RawCriterion {
  /** Criterion id. */
  id: string;
  /** Title. */
  title: string;
  /** Markdown summary. */
  summary?: string;
  /** Sub-criteria. */
  subcriteria: RawSubcriterion[];
}

/** A criterion's `subcriteria[]`. */
export interface RawSubcriterion {
  /** Sub-criterion id. */
  id: string;
  /** Title. */
  title: string;
  /** Elements. */
  elements: RawElement[];
}

/** A sub-criterion's `elements[]`. */
export interface RawElement {
  /** Element id. */
  id: string;
  /** What it asks. */
  text: string;
  /** Markdown guidance. */
  guidance?: string;
}

/** An element reference in evidence: an id or `{element, note}`. */
export type RawElementRef = string | { element: string; note?: string };

/** The fields an evidence item and a case study share (the two schemas' common part). */
export interface RawItemShared {
  /** Section ids. */
  sections?: string[];
  /** Person id. */
  owner?: string;
  /** ready or draft. */
  status?: "ready" | "draft";
  /** Attachment paths. */
  files?: string[];
  /** Web links. */
  links?: string[];
  /** Elements demonstrated. */
  elements: RawElementRef[];
  /** (v2) Customer group ids. */
  customers?: string[];
  /** (v2) How the assessor can see it. */
  access?: AccessKind;
}

/** evidence/**.yaml (schemas/evidence.schema.json). */
export interface RawEvidence extends RawItemShared {
  /** Item id. */
  id: string;
  /** Title. */
  title: string;
  /** Markdown description. */
  description: string;
  /** Kind of evidence. */
  type: EvidenceType;
  /** Produced or last reviewed. */
  date: string;
  /** Counts until this day. */
  expires?: string;
}

/** The kinds of evidence item. */
export type EvidenceType =
  | "policy"
  | "procedure"
  | "plan"
  | "report"
  | "survey"
  | "data"
  | "minutes"
  | "web-page"
  | "publication"
  | "training"
  | "photo"
  | "correspondence"
  | "other";

/** evidence/case-studies/**.yaml (schemas/case-study.schema.json). */
export interface RawCaseStudy extends RawItemShared {
  /** Case study id. */
  id: string;
  /** Title. */
  title: string;
  /** Date. */
  date: string;
  /** Markdown summary. */
  summary: string;
  /** Markdown narrative. */
  narrative: string;
  /** Evidence item ids backing it. */
  evidence?: string[];
}

/** assessment/*.yaml (schemas/assessment.schema.json). */
export interface RawAssessmentFile {
  /** Entries by element id. */
  elements: Record<string, RawSelfAssessment>;
}

/** One element's self-assessment. */
export interface RawSelfAssessment {
  /** Person id. */
  owner?: string;
  /** Rating id. */
  rating?: string;
  /** Markdown statement. */
  statement?: string;
  /** Actions. */
  actions?: RawAction[];
}

/** An action of a self-assessment. */
export interface RawAction {
  /** What is to be done. */
  title: string;
  /** Person id. */
  owner?: string;
  /** Due date. */
  due?: string;
  /** Whether it is done. */
  done?: boolean;
  /** (v2) When it was finished. */
  done_on?: string;
  /** (v2) Evidence item or case study ids showing it. */
  evidence?: string[];
}

/** assessment/findings/*.yaml (schemas/finding.schema.json). */
export interface RawFinding {
  /** Day of the assessment. */
  date: string;
  /** What the assessment was. */
  kind: AssessmentKind;
  /** Assessor. */
  assessor?: string;
  /** Rating of unlisted elements. */
  unlisted?: string;
  /** Results by element id. */
  results?: Record<string, RawFindingResult>;
}

/** One element's result in a finding. */
export interface RawFindingResult {
  /** Rating id. */
  rating: string;
  /** Markdown comment. */
  comment?: string;
}

/** service-standards/*.yaml (schemas/service-standard.schema.json). */
export interface RawServiceStandard {
  /** Id, shared with evidence items and case studies. */
  id: string;
  /** The promise as customers read it. */
  title: string;
  /** Person id. */
  owner?: string;
  /** Section ids. */
  sections?: string[];
  /** Element ids it shows. */
  elements: string[];
  /** What counts as meeting it. */
  target: RawTarget;
  /** How often a result is recorded. */
  period: PeriodKind;
  /** One result per period. */
  results?: RawResult[];
}

/** A service standard's `target`. */
export interface RawTarget {
  /** The target figure. */
  value: number;
  /** What the figure counts. */
  unit: TargetUnit;
  /** Whether results must reach it or stay under it. */
  direction: TargetDirection;
}

/** What a service standard's figure counts. */
export type TargetUnit = "percent" | "days" | "hours" | "minutes" | "count";

/** Whether a result meets its target by being at least or at most the target. */
export type TargetDirection = "at-least" | "at-most";

/** How often a service standard's result is recorded. */
export type PeriodKind = "month" | "quarter" | "year";

/** One period's result of a service standard. */
export interface RawResult {
  /** "2026-09", "2026-Q3" or "2026". */
  period: string;
  /** The figure. */
  value: number;
  /** Markdown note. */
  note?: string;
}
