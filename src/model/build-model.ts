import type { DataPath } from "../load/positions.js";
import type { SourceTree } from "../load/source-tree.js";
import { resolveInside } from "../load/source-tree.js";
import { normaliseStandardDir } from "../load/discover.js";
import type { LoadedFile } from "../load/load-submission.js";
import type { YamlFile } from "../load/yaml-file.js";
import { compareIds } from "./natural-order.js";
import type { AccessKind, AssessmentKind, EvidenceType, TargetDirection, TargetUnit } from "./raw-types.js";
import type {
  Action,
  AttachmentRef,
  CaseStudy,
  Citable,
  Config,
  Criterion,
  Element,
  ElementCitation,
  EvidenceItem,
  Finding,
  Origin,
  SelfAssessment,
  ServiceStandard,
  Standard,
  Submission,
  Subcriterion,
} from "./types.js";

// Fields are read defensively: a file with schema errors still contributes what is well-formed,
// so cross-reference checks see as much as they can and nothing can throw.
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const int = (v: unknown): number | null =>
  typeof v === "number" && Number.isInteger(v) && v >= 1 ? v : null;

/** Builds the typed model from the loaded files (cse.yaml first). */
export function buildModel(tree: SourceTree, files: LoadedFile[]): Submission {
  const cse = files.find((f) => f.kind === "cse")?.yaml ?? null;
  const submission: Submission = {
    tree,
    config: readConfig(cse),
    standard: { id: "", title: "", edition: null, ratings: [], criteria: [], src: null },
    elements: [],
    elementById: new Map(),
    evidence: [],
    caseStudies: [],
    selfAssessments: new Map(),
    selfAssessmentEntries: [],
    findings: [],
    serviceStandards: [],
  };
  for (const { kind, yaml } of files) {
    const data = obj(yaml.data);
    if (!data) continue;
    if (kind === "standard") readStandard(submission.standard, yaml, data);
    else if (kind === "criterion") {
      const c = readCriterion(yaml, data);
      if (c) submission.standard.criteria.push(c);
    } else if (kind === "evidence") {
      const e = readEvidence(yaml, data);
      if (e) submission.evidence.push(e);
    } else if (kind === "case-study") {
      const c = readCaseStudy(yaml, data);
      if (c) submission.caseStudies.push(c);
    } else if (kind === "assessment") submission.selfAssessmentEntries.push(...readAssessment(yaml, data));
    else if (kind === "service-standard") {
      const ss = readServiceStandard(yaml, data);
      if (ss) submission.serviceStandards.push(ss);
    } else if (kind === "finding") {
      const f = readFinding(yaml, data);
      if (f) submission.findings.push(f);
    }
  }
  submission.standard.criteria.sort((a, b) => compareIds(a.id, b.id));
  for (const c of submission.standard.criteria) {
    for (const s of c.subcriteria) submission.elements.push(...s.elements);
  }
  for (const e of submission.elements)
    if (!submission.elementById.has(e.id)) submission.elementById.set(e.id, e);
  for (const a of submission.selfAssessmentEntries)
    if (!submission.selfAssessments.has(a.element)) submission.selfAssessments.set(a.element, a);
  submission.findings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (!str(obj(cse?.data)?.title))
    submission.config.title = `${submission.standard.title || "Customer Service Excellence"} submission`;
  return submission;
}

function readConfig(src: YamlFile | null): Config {
  const d = obj(src?.data) ?? {};
  const a = obj(d.assessment) ?? {};
  const rules = obj(d.rules) ?? {};
  const build = obj(d.build) ?? {};
  const formats = arr(build.formats).filter(
    (f): f is Config["build"]["formats"][number] =>
      f === "html" || f === "pdf" || f === "docx" || f === "zip",
  );
  return {
    organisation: str(d.organisation) ?? "",
    title: str(d.title) ?? "",
    standardDir: normaliseStandardDir(str(d.standard) ?? "criteria") || ".",
    assessment: {
      kind: kindOf(a.kind),
      date: str(a.date),
      assessor: str(a.assessor),
      scope: Array.isArray(a.scope) && src ? idList(src, a.scope, ["assessment", "scope"]) : null,
      evidenceDue: str(a.evidence_due),
    },
    sections: arr(d.sections).flatMap((s) => {
      const o = obj(s);
      const id = str(o?.id);
      return id ? [{ id, name: str(o?.name) ?? id }] : [];
    }),
    people: arr(d.people).flatMap((p) => {
      const o = obj(p);
      const id = str(o?.id);
      return id ? [{ id, name: str(o?.name) ?? id, section: str(o?.section), role: str(o?.role) }] : [];
    }),
    customers: arr(d.customers).flatMap((c) => {
      const o = obj(c);
      const id = str(o?.id);
      return id
        ? [{ id, name: str(o?.name) ?? id, description: str(o?.description), size: str(o?.size) }]
        : [];
    }),
    glossary: Object.entries(obj(d.glossary) ?? {}).flatMap(([term, v]) =>
      typeof v === "string" && term.trim() && v.trim() ? [{ term: term.trim(), expansion: v.trim() }] : [],
    ),
    document: readDocumentControl(obj(d.document)),
    rules: {
      minEvidence: int(rules.min_evidence) ?? 1,
      maxAgeMonths: int(rules.evidence_max_age_months) ?? 36,
      statementMaxWords: int(rules.statement_max_words),
    },
    build: {
      output: str(build.output) ?? "out",
      formats: formats.length ? [...new Set(formats)] : ["html", "pdf"],
      split: build.split === "criterion" ? "criterion" : "none",
      language: str(build.language) ?? "en-GB",
      introduction: str(build.introduction),
    },
    src,
  };
}

function readDocumentControl(d: Obj | null): Config["document"] {
  if (!d) return null;
  const version = typeof d.version === "number" ? String(d.version) : str(d.version);
  return {
    version: version ?? "",
    status: d.status === "final" ? "final" : "draft",
    approvedBy: str(d.approved_by),
    approvedOn: str(d.approved_on),
    contact: str(d.contact),
  };
}

/** The string ids of a list, each with its place. */
function idList(src: YamlFile, list: unknown[], path: DataPath): ({ id: string } & Origin)[] {
  return list.flatMap((v, i) => (typeof v === "string" ? [{ id: v, src, path: [...path, i] }] : []));
}

function kindOf(v: unknown): AssessmentKind | null {
  return v === "initial" || v === "annual-review" || v === "reassessment" ? v : null;
}

function readStandard(into: Standard, src: YamlFile, d: Obj): void {
  into.src = src;
  into.id = str(d.id) ?? into.id;
  into.title = str(d.title) ?? into.title;
  into.edition = str(d.edition);
  into.ratings = arr(d.ratings).flatMap((r) => {
    const o = obj(r);
    const id = str(o?.id);
    return id ? [{ id, label: str(o?.label) ?? id, meets: o?.meets === true }] : [];
  });
}

function readCriterion(src: YamlFile, d: Obj): Criterion | null {
  const id = str(d.id);
  if (!id) return null;
  const subcriteria: Subcriterion[] = arr(d.subcriteria).flatMap((s, i) => {
    const o = obj(s);
    const sid = str(o?.id);
    if (!o || !sid) return [];
    const elements: Element[] = arr(o.elements).flatMap((e, j) => {
      const eo = obj(e);
      const eid = str(eo?.id);
      if (!eo || !eid) return [];
      return [
        {
          id: eid,
          text: str(eo.text) ?? "",
          guidance: str(eo.guidance),
          criterionId: id,
          subcriterionId: sid,
          src,
          path: ["subcriteria", i, "elements", j],
        },
      ];
    });
    elements.sort((a, b) => compareIds(a.id, b.id));
    return [
      { id: sid, title: str(o.title) ?? sid, criterionId: id, elements, src, path: ["subcriteria", i] },
    ];
  });
  subcriteria.sort((a, b) => compareIds(a.id, b.id));
  return { id, title: str(d.title) ?? id, summary: str(d.summary), subcriteria, src, path: [] };
}

function readCitable(src: YamlFile, d: Obj): Citable | null {
  const id = str(d.id);
  if (!id) return null;
  const dir = src.file.includes("/") ? src.file.slice(0, src.file.lastIndexOf("/")) : "";
  const files: AttachmentRef[] = arr(d.files).flatMap((f, i) => {
    const declared = str(f);
    return declared ? [{ declared, resolved: resolveInside(dir, declared), src, path: ["files", i] }] : [];
  });
  const elements: ElementCitation[] = arr(d.elements).flatMap((e, i): ElementCitation[] => {
    if (typeof e === "string") return [{ element: e, note: null, src, path: ["elements", i] }];
    const o = obj(e);
    const el = str(o?.element);
    return el ? [{ element: el, note: str(o?.note), src, path: ["elements", i, "element"] }] : [];
  });
  const links = arr(d.links).filter((l): l is string => typeof l === "string");
  const access = ACCESS.has(d.access as AccessKind) ? (d.access as AccessKind) : null;
  return {
    id,
    title: str(d.title) ?? id,
    date: str(d.date),
    sections: arr(d.sections).filter((s): s is string => typeof s === "string"),
    owner: str(d.owner),
    status: d.status === "draft" ? "draft" : "ready",
    files,
    links,
    elements,
    customers: arr(d.customers).filter((c): c is string => typeof c === "string"),
    access: access ?? derivedAccess(files.length > 0, links),
    accessWritten: access !== null,
    src,
    path: [],
  };
}

const ACCESS = new Set<AccessKind>(["attached", "public-link", "internal-link", "on-site", "on-request"]);

/** FORMAT.md's default for `access`: files → attached, else an http(s) link → public-link, else on-site. */
function derivedAccess(hasFiles: boolean, links: string[]): AccessKind {
  if (hasFiles) return "attached";
  return links.some((l) => /^https?:\/\//i.test(l)) ? "public-link" : "on-site";
}

const EVIDENCE_TYPES = new Set([
  "policy",
  "procedure",
  "plan",
  "report",
  "survey",
  "data",
  "minutes",
  "web-page",
  "publication",
  "training",
  "photo",
  "correspondence",
  "other",
]);

function readEvidence(src: YamlFile, d: Obj): EvidenceItem | null {
  const base = readCitable(src, d);
  if (!base) return null;
  const type = str(d.type);
  // The item's own fields added to the shared ones in place: a spread into a new literal cost
  // more than the rest of building the model (a copy of every field, for thousands of items).
  const item = base as EvidenceItem;
  item.kind = "evidence";
  item.description = str(d.description) ?? "";
  item.type = type && EVIDENCE_TYPES.has(type) ? (type as EvidenceType) : null;
  item.expires = str(d.expires);
  return item;
}

function readCaseStudy(src: YamlFile, d: Obj): CaseStudy | null {
  const base = readCitable(src, d);
  if (!base) return null;
  const evidence = arr(d.evidence).flatMap((e, i) =>
    typeof e === "string" ? [{ id: e, src, path: ["evidence", i] as DataPath }] : [],
  );
  // In place, as for evidence items.
  const item = base as CaseStudy;
  item.kind = "case-study";
  item.summary = str(d.summary) ?? "";
  item.narrative = str(d.narrative) ?? "";
  item.evidence = evidence;
  return item;
}

function readAssessment(src: YamlFile, d: Obj): SelfAssessment[] {
  const entries = obj(d.elements);
  if (!entries) return [];
  return Object.entries(entries).map(([element, v]) => {
    const o = obj(v) ?? {};
    const actions: Action[] = arr(o.actions).flatMap((a, i) => {
      const ao = obj(a);
      if (!ao) return [];
      return [
        {
          title: str(ao.title) ?? "",
          owner: str(ao.owner),
          due: str(ao.due),
          done: ao.done === true,
          doneOn: str(ao.done_on),
          evidence: arr(ao.evidence).flatMap((e, j) =>
            typeof e === "string"
              ? [{ id: e, src, path: ["elements", element, "actions", i, "evidence", j] as DataPath }]
              : [],
          ),
          src,
          path: ["elements", element, "actions", i],
        },
      ];
    });
    return {
      element,
      owner: str(o.owner),
      rating: str(o.rating),
      statement: str(o.statement),
      actions,
      src,
      path: ["elements", element],
    };
  });
}

function readFinding(src: YamlFile, d: Obj): Finding | null {
  const date = str(d.date);
  if (!date) return null;
  const results = new Map<
    string,
    { rating: string; comment: string | null; src: YamlFile; path: DataPath }
  >();
  for (const [element, v] of Object.entries(obj(d.results) ?? {})) {
    const rating = str(obj(v)?.rating);
    if (rating)
      results.set(element, { rating, comment: str(obj(v)?.comment), src, path: ["results", element] });
  }
  return {
    date,
    kind: kindOf(d.kind),
    assessor: str(d.assessor),
    unlisted: str(d.unlisted),
    results,
    src,
    path: [],
  };
}

const UNITS = new Set(["percent", "days", "hours", "minutes", "count"]);

function readServiceStandard(src: YamlFile, d: Obj): ServiceStandard | null {
  const id = str(d.id);
  if (!id) return null;
  const t = obj(d.target);
  const unit = str(t?.unit);
  const direction: TargetDirection = t?.direction === "at-most" ? "at-most" : "at-least";
  const target =
    t && typeof t.value === "number" && unit && UNITS.has(unit)
      ? {
          value: t.value,
          unit: unit as TargetUnit,
          direction,
        }
      : null;
  const period = d.period === "month" || d.period === "quarter" || d.period === "year" ? d.period : null;
  const results = arr(d.results).flatMap((r, i) => {
    const o = obj(r);
    const p = str(o?.period);
    return o && p && typeof o.value === "number"
      ? [{ period: p, value: o.value, note: str(o.note), src, path: ["results", i] as DataPath }]
      : [];
  });
  return {
    id,
    title: str(d.title) ?? id,
    owner: str(d.owner),
    sections: arr(d.sections).filter((x): x is string => typeof x === "string"),
    elements: idList(src, arr(d.elements), ["elements"]),
    target,
    period,
    results,
    src,
    path: [],
  };
}
