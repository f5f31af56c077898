import type { GapCode } from "./gap-codes.js";

/** What changed between two states of a submission (`cse diff`, and the pack's "Changes since"). */
export interface SubmissionDiff {
  /** The older state. */
  from: DiffSideLabel;
  /** The newer state. */
  to: DiffSideLabel;
  /** The day both states were judged on (coverage and gaps depend on it). */
  asOf: string;
  /** Counts, for headings. */
  summary: DiffSummary;
  /** Settings in cse.yaml that changed (the visit, the rules), in a fixed order. */
  settings: SettingChange[];
  /** Elements whose coverage, gaps, self-rating, owner or statement changed, in standard order. */
  elements: ElementChange[];
  /** Evidence items added, removed or changed, matched by id; in id order within each status. */
  evidence: ItemChange[];
  /** Case studies added, removed or changed, matched by id. */
  caseStudies: ItemChange[];
  /** Assessor findings added, removed or changed, matched by date. */
  findings: FindingChange[];
  /** Self-assessment actions added, removed or changed, matched by element and title. */
  actions: ActionChange[];
  /** Names for ids, from both sides (the newer wins), for readers. */
  labels: DiffLabels;
}

/** Names for the ids a diff mentions. */
export interface DiffLabels {
  /** Rating labels by id. */
  ratings: Record<string, string>;
  /** Person names by id. */
  people: Record<string, string>;
}

/** One side of a comparison, as the user named it. */
export interface DiffSideLabel {
  /** The revision as written (e.g. "assessed-2014"), or "work tree". */
  label: string;
  /** The commit's full id; for the work tree, the commit it is based on (HEAD), or null. */
  commit: string | null;
  /** Whether this side is the work tree (files as they are on disk). */
  workTree: boolean;
  /** For the work tree: whether it has changes not committed; false for a revision. */
  dirty: boolean;
}

/** Counts of a diff. */
export interface DiffSummary {
  /** Elements with any change. */
  elements: number;
  /** Elements in the newer standard. */
  standardElements: number;
  /** Covered elements before and after (at least one ready item or case study). */
  covered: { from: number; to: number };
  /** Elements with at least one gap, before and after. */
  withGaps: { from: number; to: number };
  /** Evidence items and case studies, by status. */
  items: { added: number; removed: number; changed: number };
  findings: number;
  actions: number;
  /** True when nothing at all changed. */
  unchanged: boolean;
}

/** A setting of cse.yaml before and after. */
export interface SettingChange {
  /** Its place in cse.yaml, e.g. `assessment.date`, `rules.min_evidence`. */
  field: string;
  from: string | number | null;
  to: string | number | null;
}

/** A value before and after. */
export interface Change<T> {
  from: T;
  to: T;
}

/** One element's changes; a field is null when it did not change. */
export interface ElementChange {
  id: string;
  /** What the element asks (the newer text, or the older when removed). */
  text: string;
  /** `added` or `removed` when the standard itself changed. */
  status: "changed" | "added" | "removed";
  /** Ready evidence items naming it. */
  evidence: Change<number> | null;
  /** Ready case studies naming it. */
  caseStudies: Change<number> | null;
  /** Ready items and case studies that started or stopped naming it, by id. */
  cited: { added: string[]; removed: string[] };
  /** Gap codes it gained and lost, in FORMAT.md's order. */
  gaps: { added: GapCode[]; removed: GapCode[] };
  /** Self-rating id. */
  rating: Change<string | null> | null;
  /** Owner's person id. */
  owner: Change<string | null> | null;
  /** The statement (Markdown), when its text changed. */
  statement: Change<string | null> | null;
}

/** An evidence item or case study that was added, removed or changed. */
export interface ItemChange {
  id: string;
  kind: "evidence" | "case-study";
  status: "added" | "removed" | "changed";
  /** Title (the newer, or the older when removed). */
  title: string;
  /** Its YAML file (the newer, or the older when removed). */
  file: string;
  /** The older file when it moved (a rename is not a removal), else null. */
  movedFrom: string | null;
  /** Fields whose values changed, in FORMAT.md's order; `attachments` when a file's contents changed. */
  fields: string[];
  /** Elements it started and stopped naming. */
  elements: { added: string[]; removed: string[] };
  /** Status before and after when it changed between draft and ready. */
  readiness: Change<"ready" | "draft"> | null;
  /** Whether it is a draft (the newer state; the older when removed). Drafts are not counted. */
  draft: boolean;
}

/** An assessor finding added, removed or changed. */
export interface FindingChange {
  date: string;
  kind: string | null;
  status: "added" | "removed" | "changed";
  file: string;
  /** Top-level fields other than results that changed (kind, assessor, unlisted). */
  fields: string[];
  /** Results that differ, by element in standard order: rating before and after (null: not listed). */
  results: { element: string; from: string | null; to: string | null; comment: boolean }[];
}

/** A self-assessment action added, removed or changed. */
export interface ActionChange {
  element: string;
  title: string;
  status: "added" | "removed" | "changed";
  /** Fields that changed: done, due, owner. */
  fields: ("done" | "due" | "owner")[];
  /** The values now (or before, when removed). */
  done: boolean;
  due: string | null;
  owner: string | null;
  /** The values before, when it changed; else null. */
  before: { done: boolean; due: string | null; owner: string | null } | null;
}
