import type { SubmissionDiff } from "../analyse/submission-diff.js";
import type { ItemHistory } from "../git/last-changed.js";
import { compareIds } from "../model/natural-order.js";
import type { CaseStudy, Element, EvidenceItem, Finding, Rating, Submission } from "../model/types.js";
import type { BuildInfo, Inline } from "./document-model.js";
import { cite, formatDate, text } from "./inline.js";
import { latestFinding } from "../analyse/latest-finding.js";
import { analyseCoverage } from "../analyse/analyse-coverage.js";
import { itemCitations } from "../analyse/citations.js";
import type { GapCode } from "../analyse/gap-codes.js";
import { badgeOf } from "./rating-badge.js";
import type { VisitScope } from "../analyse/visit-scope.js";
import type { PackMemo } from "./pack-memo.js";

/** Size and hash of an attachment, read by the caller (the document builder does no I/O). */
export interface AttachmentFacts {
  /** Size in bytes. */
  size: number;
  /** SHA-256, lowercase hex. */
  sha256: string;
}

/** Everything the document builder needs besides the submission. */
export interface PackInputs {
  /** The Markdown of build.introduction, or null when there is none. */
  introduction: string | null;
  /** Size and hash of each attachment, by root-relative path. */
  attachments: ReadonlyMap<string, AttachmentFacts>;
  /** How and when the pack is built. */
  build: BuildInfo;
  /** When each item last changed, from git (src/git/last-changed.ts); absent or null: not shown. */
  lastChanged?: ItemHistory | null;
  /** What changed since an earlier revision (`--since`), shown as "Changes since"; absent or null: no such section. */
  since?: SubmissionDiff | null;
  /** Whether the attachments are embedded in the output (`--attach`): only then are their hashes listed. */
  attach?: boolean;
  /** (v2) The visit's scope (`--scope visit`): the pack covers only it and says why; absent or null: everything. */
  scope?: VisitScope | null;
  /** `cse preview`: per-item sections kept from pack to pack (src/pack/pack-memo.ts); absent: none kept. */
  memo?: PackMemo | null;
}

/** An item naming an element, with the mapping's note. */
export interface Citation<T> {
  item: T;
  /** Markdown, or null. */
  note: string | null;
}

/** What names one element, among the items in the pack. */
export interface ElementCitations {
  evidence: Citation<EvidenceItem>[];
  caseStudies: Citation<CaseStudy>[];
}

/** Lookups shared by the section builders. */
export interface PackContext {
  s: Submission;
  inputs: PackInputs;
  /** Evidence items in the pack (ready, or drafts too with --include-drafts), by id. */
  evidence: EvidenceItem[];
  /** Case studies in the pack, by id. */
  caseStudies: CaseStudy[];
  /** What names each element (by element id). */
  citations(element: string): ElementCitations;
  /** Case studies in the pack that list an evidence item as backing. */
  backedBy(evidence: string): CaseStudy[];
  /** The latest finding, or null. */
  latest: Finding | null;
  rating(id: string | null): Rating | null;
  person(id: string | null): Inline[];
  sectionNames(ids: string[]): string;
  element(id: string): Element | undefined;
  /** A customer group's name (its id when unknown). */
  customerName(id: string): string;
  /** A date written out in the pack's language ("9 March 2027"); "" for null. */
  date(iso: string | null): string;
  /** The element's gaps, as `cse gaps` computes them on the build's as-of day. */
  gaps(element: string): readonly GapCode[];
  /** A rating as a shape and its label; "Not rated" for null or unknown. */
  badge(ratingId: string | null): Inline;
  /** A citation of an evidence item or case study (id, title, first attachment). */
  cite(item: EvidenceItem | CaseStudy): Inline;
}

/** Indexes the submission for the section builders: which items go in, who cites what. */
export function packContext(s: Submission, inputs: PackInputs): PackContext {
  const included = <T extends EvidenceItem | CaseStudy>(items: T[]) =>
    items
      .filter((i) => i.status === "ready" || inputs.build.includeDrafts)
      .sort((a, b) => compareIds(a.id, b.id));
  const evidence = included(s.evidence);
  const caseStudies = included(s.caseStudies);
  const cites = new Map<string, ElementCitations>();
  for (const item of [...evidence, ...caseStudies]) {
    for (const { element, note } of itemCitations(item)) {
      let entry = cites.get(element);
      if (!entry) cites.set(element, (entry = { evidence: [], caseStudies: [] }));
      if (item.kind === "evidence") entry.evidence.push({ item, note });
      else entry.caseStudies.push({ item, note });
    }
  }
  const backing = new Map<string, CaseStudy[]>();
  for (const cs of caseStudies) {
    for (const id of new Set(cs.evidence.map((e) => e.id))) backing.set(id, [...(backing.get(id) ?? []), cs]);
  }
  const ratings = new Map(s.standard.ratings.map((r) => [r.id, r]));
  const coverage = analyseCoverage(s, { asOf: inputs.build.asOf });
  const gapsById = new Map(coverage.elements.map((e) => [e.id, e.gaps]));
  const people = new Map(s.config.people.map((p) => [p.id, p]));
  const sections = new Map(s.config.sections.map((x) => [x.id, x.name]));
  return {
    s,
    inputs,
    evidence,
    caseStudies,
    citations: (id) => cites.get(id) ?? { evidence: [], caseStudies: [] },
    backedBy: (id) => backing.get(id) ?? [],
    latest: latestFinding(s),
    rating: (id) => (id === null ? null : (ratings.get(id) ?? null)),
    person: (id) => {
      if (id === null) return [text("Not named")];
      const p = people.get(id);
      return [text(p ? (p.role ? `${p.name}, ${p.role}` : p.name) : id)];
    },
    sectionNames: (ids) =>
      ids.length === 0 ? "Whole organisation" : ids.map((id) => sections.get(id) ?? id).join(", "),
    element: (id) => s.elementById.get(id),
    customerName: (id) => s.config.customers.find((c) => c.id === id)?.name ?? id,
    date: (iso) => formatDate(iso, s.config.build.language),
    gaps: (id) => gapsById.get(id) ?? [],
    badge: (id) => badgeOf(s.standard.ratings, id),
    cite: (item) =>
      cite(
        `${item.kind === "evidence" ? "ev" : "cs"}-${item.id}`,
        item.id,
        item.title,
        item.files.find((f) => f.resolved !== null)?.resolved ?? null,
      ),
  };
}
