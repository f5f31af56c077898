import { isInitExample } from "../model/example-items.js";
import type { CaseStudy, EvidenceItem, Submission } from "../model/types.js";

/** What names one element: ready items and case studies (each once), and how many drafts. */
export interface ElementCitations {
  evidence: EvidenceItem[];
  caseStudies: CaseStudy[];
  drafts: number;
}

/** One element an item names, with the note of its mapping. */
export interface ItemCitation {
  element: string;
  /** Markdown, or null: the first of the item's mappings to this element that has a note. */
  note: string | null;
}

/**
 * The elements an item names, each once (an item naming an element twice counts once), in the
 * order first named; the note is the first mapping's to that element that has one. The one rule
 * for coverage (`indexCitations`) and for the pack's citations (pack/pack-context.ts).
 */
export function itemCitations(item: EvidenceItem | CaseStudy): ItemCitation[] {
  const out = new Map<string, ItemCitation>();
  for (const c of item.elements) {
    const seen = out.get(c.element);
    if (!seen) out.set(c.element, { element: c.element, note: c.note ?? null });
    else if (seen.note === null && c.note) seen.note = c.note;
  }
  return [...out.values()];
}

/**
 * Indexes who names each element. Drafts never count towards coverage (FORMAT.md); they are
 * only tallied so a reader can see work in progress (cse init's examples are not: see
 * isInitExample). An item naming an element twice counts once.
 */
export function indexCitations(s: Submission): Map<string, ElementCitations> {
  const index = new Map<string, ElementCitations>();
  const entry = (id: string) => {
    let e = index.get(id);
    if (!e) index.set(id, (e = { evidence: [], caseStudies: [], drafts: 0 }));
    return e;
  };
  for (const item of [...s.evidence, ...s.caseStudies]) {
    for (const { element } of itemCitations(item)) {
      const e = entry(element);
      if (item.status === "draft") {
        if (!isInitExample(item)) e.drafts++;
      } else if (item.kind === "evidence") e.evidence.push(item);
      else e.caseStudies.push(item);
    }
  }
  return index;
}
