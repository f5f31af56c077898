import type { DataPath } from "../load/positions.js";
import type { SourceTree } from "../load/source-tree.js";
import type { YamlFile } from "../load/yaml-file.js";
import type {
  AccessKind,
  AssessmentKind,
  EvidenceType,
  PeriodKind,
  TargetDirection,
  TargetUnit,
} from "./raw-types.js";

/** Where a value was written: its file and its place in that file's data. */
export interface Origin {
  /** The parsed file. */
  src: YamlFile;
  /** The value's place in the file's data. */
  path: DataPath;
}

/** The whole submission, typed, with defaults applied and the standard in order. */
export interface Submission {
  /** The files it was read from. */
  tree: SourceTree;
  /** cse.yaml with defaults. */
  config: Config;
  /** The standard and its elements. */
  standard: Standard;
  /** Every element, in standard order. */
  elements: Element[];
  /** Elements by id (the first when ids repeat). */
  elementById: Map<string, Element>;
  /** Evidence items in path order, drafts included. */
  evidence: EvidenceItem[];
  /** Case studies in path order, drafts included. */
  caseStudies: CaseStudy[];
  /** Self-assessments by element id (the first file when an element is assessed twice). */
  selfAssessments: Map<string, SelfAssessment>;
  /** Every self-assessment entry in path order, repeats included. */
  selfAssessmentEntries: SelfAssessment[];
  /** Findings, oldest first. */
  findings: Finding[];
  /** (v2) Service standards in path order. */
  serviceStandards: ServiceStandard[];
}

/** cse.yaml, with defaults applied. */
export interface Config {
  /** Who is being assessed. */
  organisation: string;
  /** Title of the pack (default: the standard's title + " submission"). */
  title: string;
  /** Root-relative folder of the standard. */
  standardDir: string;
  /** The coming visit. */
  assessment: VisitSettings;
  /** Sections, in the order declared. */
  sections: { id: string; name: string }[];
  /** People, in the order declared. */
  people: { id: string; name: string; section: string | null; role: string | null }[];
  /** (v2) Customer groups, in the order declared. */
  customers: CustomerGroup[];
  /** (v2) Glossary: term → expansion, in the order written. */
  glossary: { term: string; expansion: string }[];
  /** (v2) Document control, or null when cse.yaml has none. */
  document: DocumentControl | null;
  /** Rules for gaps. */
  rules: { minEvidence: number; maxAgeMonths: number; statementMaxWords: number | null };
  /** Settings of build. */
  build: {
    output: string;
    formats: ("html" | "pdf" | "docx" | "zip")[];
    /** One file per format (`none`), or volumes by criterion. */
    split: "none" | "criterion";
    language: string;
    introduction: string | null;
  };
  /** The parsed cse.yaml, when it could be read. */
  src: YamlFile | null;
}

/** (v2) A customer group of cse.yaml's `customers`. */
export interface CustomerGroup {
  /** Id, used by evidence and case studies. */
  id: string;
  /** Name, e.g. Undergraduate students. */
  name: string;
  /** Markdown, or null. */
  description: string | null;
  /** Size in words, or null. */
  size: string | null;
}

/** (v2) cse.yaml's `document`. */
export interface DocumentControl {
  /** Version, e.g. 1.0. */
  version: string;
  /** draft or final. */
  status: "draft" | "final";
  /** Person id of the approver, or null. */
  approvedBy: string | null;
  /** Approval date, or null. */
  approvedOn: string | null;
  /** Person id of the assessor's contact, or null. */
  contact: string | null;
}

/** cse.yaml's `assessment`: the coming visit. */
export interface VisitSettings {
  /** What the visit is, or null when unreadable. */
  kind: AssessmentKind | null;
  /** The visit day, YYYY-MM-DD. */
  date: string | null;
  /** Certification body or assessor. */
  assessor: string | null;
  /** (v2) Criterion, sub-criterion or element ids the visit covers, with where each was written; null when absent. */
  scope: ({ id: string } & Origin)[] | null;
  /** (v2) The day the evidence goes to the assessor, YYYY-MM-DD, or null. */
  evidenceDue: string | null;
}

/** The standard. */
export interface Standard {
  /** Id, e.g. cse. */
  id: string;
  /** Title, e.g. Customer Service Excellence. */
  title: string;
  /** Edition, if given. */
  edition: string | null;
  /** Rating scale, best first. */
  ratings: Rating[];
  /** Criteria in natural id order. */
  criteria: Criterion[];
  /** The parsed standard.yaml, when it could be read. */
  src: YamlFile | null;
}

/** One step of the rating scale. */
export interface Rating {
  /** Id, e.g. compliance. */
  id: string;
  /** Label, e.g. Compliance. */
  label: string;
  /** Whether it satisfies an element. */
  meets: boolean;
}

/** A criterion of the standard. */
export interface Criterion extends Origin {
  id: string;
  title: string;
  /** Markdown. */
  summary: string | null;
  /** In natural id order. */
  subcriteria: Subcriterion[];
}

/** A sub-criterion. */
export interface Subcriterion extends Origin {
  id: string;
  title: string;
  /** The criterion it belongs to. */
  criterionId: string;
  /** In natural id order. */
  elements: Element[];
}

/** An element: one thing the standard asks. */
export interface Element extends Origin {
  id: string;
  /** What it asks. */
  text: string;
  /** Markdown guidance. */
  guidance: string | null;
  criterionId: string;
  subcriterionId: string;
}

/** A reference from evidence or a case study to an element. */
export interface ElementCitation extends Origin {
  /** The element id. */
  element: string;
  /** Markdown: how it demonstrates the element. */
  note: string | null;
}

/** A reference to an attachment. */
export interface AttachmentRef extends Origin {
  /** The path as written, relative to the YAML file. */
  declared: string;
  /** Root-relative path, or null when it is absolute or climbs out of the root. */
  resolved: string | null;
}

/** Fields shared by evidence items and case studies. */
export interface Citable extends Origin {
  id: string;
  title: string;
  date: string | null;
  sections: string[];
  owner: string | null;
  status: "ready" | "draft";
  files: AttachmentRef[];
  links: string[];
  elements: ElementCitation[];
  /** (v2) Customer group ids. */
  customers: string[];
  /** (v2) How the assessor can see it, as written or derived (FORMAT.md).*/
  access: AccessKind;
  /** (v2) Whether `access` was written (false: derived). */
  accessWritten: boolean;
}

/** An evidence item. */
export interface EvidenceItem extends Citable {
  kind: "evidence";
  /** Markdown. */
  description: string;
  type: EvidenceType | null;
  expires: string | null;
}

/** A case study. */
export interface CaseStudy extends Citable {
  kind: "case-study";
  /** Markdown. */
  summary: string;
  /** Markdown. */
  narrative: string;
  /** Evidence item ids backing it, with where each was written. */
  evidence: ({ id: string } & Origin)[];
}

/** One element's self-assessment. */
export interface SelfAssessment extends Origin {
  element: string;
  owner: string | null;
  rating: string | null;
  /** Markdown. */
  statement: string | null;
  actions: Action[];
}

/** An action of a self-assessment. */
export interface Action extends Origin {
  title: string;
  owner: string | null;
  due: string | null;
  done: boolean;
  /** (v2) When it was finished, or null. */
  doneOn: string | null;
  /** (v2) Ids of evidence items or case studies showing it, with where each was written. */
  evidence: ({ id: string } & Origin)[];
}

/** The assessor's results of one earlier assessment. */
export interface Finding extends Origin {
  date: string;
  kind: AssessmentKind | null;
  assessor: string | null;
  unlisted: string | null;
  /** Results by element id. */
  results: Map<string, { rating: string; comment: string | null } & Origin>;
}

/** (v2) A service standard: a promise to customers, its target and its results. */
export interface ServiceStandard extends Origin {
  id: string;
  /** The promise as customers read it. */
  title: string;
  /** Person id, or null. */
  owner: string | null;
  /** Section ids; empty: the whole organisation. */
  sections: string[];
  /** The elements it shows, with where each was written. */
  elements: ({ id: string } & Origin)[];
  /** What counts as meeting it, or null when unreadable. */
  target: { value: number; unit: TargetUnit; direction: TargetDirection } | null;
  /** How often a result is recorded, or null when unreadable. */
  period: PeriodKind | null;
  /** The results as written, in file order. */
  results: ServiceResult[];
}

/** One period's result of a service standard. */
export interface ServiceResult extends Origin {
  /** As written: "2026-09", "2026-Q3" or "2026". */
  period: string;
  value: number;
  /** Markdown, or null. */
  note: string | null;
}
