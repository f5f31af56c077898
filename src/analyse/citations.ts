import { isInitExample } from "../model/example-items.js";
import type { CaseStudy, EvidenceItem, Submission } from "../model/types.js";

/** What names one element: ready items and case studies (each once), and how many drafts. */
export interface ElementCitations {
  evidence: EvidenceItem[];
  caseStudies: CaseStudy[];
  drafts: number;
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
    for (const id of new Set(item.elements.map((c) => c.element))) {
      const e = entry(id);
      if (item.status === "draft") {
        if (!isInitExample(item)) e.drafts++;
      } else if (item.kind === "evidence") e.evidence.push(item);
      else e.caseStudies.push(item);
    }
  }
  return index;
}
