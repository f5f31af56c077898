import { findingRatingOf, latestFinding } from "../analyse/latest-finding.js";
import type { CaseStudy, Citable, Criterion, Element, EvidenceItem, Submission } from "../model/types.js";
import { listElements, type ElementRow } from "./listing.js";

/** An item as named from elsewhere: enough to find it and see whether it counts. */
export interface ItemRef {
  id: string;
  kind: "evidence" | "case-study";
  title: string;
  file: string;
  status: "ready" | "draft";
  /** The note the item gives for the element being shown, or null. */
  note?: string | null;
}

/** Everything `cse show` says about an element. */
export interface ElementDetails {
  kind: "element";
  id: string;
  criterion: { id: string; title: string };
  subcriterion: { id: string; title: string };
  text: string;
  guidance: string | null;
  /** The element's self-assessment, or null when it has none. */
  selfAssessment: {
    file: string;
    owner: string | null;
    rating: string | null;
    statement: string | null;
    actions: { title: string; owner: string | null; due: string | null; done: boolean }[];
  } | null;
  /** How the latest finding rated it, or null. */
  finding: {
    date: string;
    kind: string | null;
    rating: string;
    comment: string | null;
    unlisted: boolean;
  } | null;
  /** Evidence items and case studies naming it, drafts included, evidence first, in path order. */
  citedBy: ItemRef[];
}

/** Everything `cse show` says about an evidence item or a case study. */
export interface ItemDetails {
  kind: "evidence" | "case-study";
  id: string;
  title: string;
  file: string;
  date: string | null;
  status: "ready" | "draft";
  owner: string | null;
  sections: string[];
  files: string[];
  links: string[];
  /** Evidence: its type and expiry. */
  type?: string | null;
  expires?: string | null;
  /** Evidence: the description; case study: the summary and narrative. */
  description?: string;
  summary?: string;
  narrative?: string;
  /** The elements it names, with the element's text (null when the standard lacks it) and the note. */
  elements: { id: string; text: string | null; note: string | null }[];
  /** Evidence: case studies naming it. Case study: the evidence items backing it (title null when unknown). */
  related: { id: string; title: string | null; file: string | null; status: "ready" | "draft" | null }[];
}

/** A criterion or sub-criterion with its elements. */
export interface GroupDetails {
  kind: "criterion" | "subcriterion";
  id: string;
  title: string;
  summary: string | null;
  elements: ElementRow[];
}

/** What `cse show` can show. */
export type Details = ElementDetails | ItemDetails | GroupDetails;

/** Every id `cse show` knows, for did-you-mean. */
export function showableIds(s: Submission): string[] {
  const ids = s.standard.criteria.flatMap((c) => [c.id, ...c.subcriteria.map((sc) => sc.id)]);
  return [
    ...ids,
    ...s.elements.map((e) => e.id),
    ...s.evidence.map((e) => e.id),
    ...s.caseStudies.map((c) => c.id),
  ];
}

/** The details of `id` (matched exactly, else ignoring case when that is unambiguous), or null. */
export function describe(s: Submission, id: string): Details | null {
  return find(s, id) ?? uniqueIgnoringCase(s, id);
}

function uniqueIgnoringCase(s: Submission, id: string): Details | null {
  const matches = [...new Set(showableIds(s))].filter((x) => x.toLowerCase() === id.toLowerCase());
  return matches.length === 1 ? find(s, matches[0]!) : null;
}

function find(s: Submission, id: string): Details | null {
  const element = s.elementById.get(id);
  if (element) return describeElement(s, element);
  const evidence = s.evidence.find((e) => e.id === id);
  if (evidence) return describeItem(s, evidence);
  const caseStudy = s.caseStudies.find((c) => c.id === id);
  if (caseStudy) return describeItem(s, caseStudy);
  for (const c of s.standard.criteria) {
    if (c.id === id) return describeGroup(s, c, "criterion");
    const sub = c.subcriteria.find((sc) => sc.id === id);
    if (sub) return describeGroup(s, { ...sub, summary: null }, "subcriterion");
  }
  return null;
}

function describeElement(s: Submission, e: Element): ElementDetails {
  const criterion = s.standard.criteria.find((c) => c.id === e.criterionId);
  const sub = criterion?.subcriteria.find((sc) => sc.id === e.subcriterionId);
  const a = s.selfAssessments.get(e.id);
  const latest = latestFinding(s);
  const rated = latest ? findingRatingOf(latest, e.id) : null;
  const citedBy: ItemRef[] = [];
  for (const item of [...s.evidence, ...s.caseStudies]) {
    const cite = item.elements.find((c) => c.element === e.id);
    if (cite) citedBy.push({ ...ref(item), note: cite.note });
  }
  return {
    kind: "element",
    id: e.id,
    criterion: { id: e.criterionId, title: criterion?.title ?? "" },
    subcriterion: { id: e.subcriterionId, title: sub?.title ?? "" },
    text: e.text.trim(),
    guidance: e.guidance?.trim() || null,
    selfAssessment: a
      ? {
          file: a.src.file,
          owner: a.owner,
          rating: a.rating,
          statement: a.statement?.trim() || null,
          actions: a.actions.map((x) => ({ title: x.title, owner: x.owner, due: x.due, done: x.done })),
        }
      : null,
    finding:
      latest && rated
        ? {
            date: latest.date,
            kind: latest.kind,
            rating: rated.rating,
            comment: rated.comment?.trim() || null,
            unlisted: rated.unlisted,
          }
        : null,
    citedBy,
  };
}

function describeItem(s: Submission, item: EvidenceItem | CaseStudy): ItemDetails {
  const common = {
    id: item.id,
    title: item.title,
    file: item.src.file,
    date: item.date,
    status: item.status,
    owner: item.owner,
    sections: item.sections,
    files: item.files.map((f) => f.declared),
    links: item.links,
    elements: item.elements.map((c) => ({
      id: c.element,
      text: s.elementById.get(c.element)?.text.trim() ?? null,
      note: c.note?.trim() || null,
    })),
  };
  if (item.kind === "evidence") {
    const namedBy = s.caseStudies.filter((c) => c.evidence.some((x) => x.id === item.id));
    return {
      kind: "evidence",
      ...common,
      type: item.type,
      expires: item.expires,
      description: item.description.trim(),
      related: namedBy.map((c) => ({ id: c.id, title: c.title, file: c.src.file, status: c.status })),
    };
  }
  return {
    kind: "case-study",
    ...common,
    summary: item.summary.trim(),
    narrative: item.narrative.trim(),
    related: item.evidence.map(({ id }) => {
      const e = s.evidence.find((x) => x.id === id);
      return { id, title: e?.title ?? null, file: e?.src.file ?? null, status: e?.status ?? null };
    }),
  };
}

function describeGroup(
  s: Submission,
  group: Pick<Criterion, "id" | "title" | "summary">,
  kind: GroupDetails["kind"],
): GroupDetails {
  return {
    kind,
    id: group.id,
    title: group.title,
    summary: group.summary?.trim() || null,
    elements: listElements(s, { criterion: group.id }),
  };
}

function ref(item: Citable & { kind: "evidence" | "case-study" }): ItemRef {
  return { id: item.id, kind: item.kind, title: item.title, file: item.src.file, status: item.status };
}
