import { closest } from "../../util/closest.js";
import type { Check } from "./context.js";
import { orList } from "./context.js";

const ADD_CUSTOMER = "add it to `customers` in cse.yaml, or use a declared id";
const ADD_PERSON = "add them to `people` in cse.yaml, or use a declared id";

function didYouMean(id: string, known: Iterable<string>): string {
  const near = closest(id, known, 2);
  return near.length ? ` Did you mean ${orList(near)}?` : "";
}

/** `unknown-customer` (v2): an evidence item or case study naming a customer group cse.yaml does not declare. */
export const checkCustomers: Check = (ctx) => {
  const s = ctx.submission;
  const known = new Set(s.config.customers.map((c) => c.id));
  const message = (id: string) =>
    known.size === 0
      ? `unknown customer group "${id}": cse.yaml has no \`customers\` list yet; add the group there first`
      : `unknown customer group "${id}": ${ADD_CUSTOMER}.${didYouMean(id, known)}`;
  for (const item of [...s.evidence, ...s.caseStudies]) {
    item.customers.forEach((id, i) => {
      if (!known.has(id))
        ctx.report({ src: item.src, path: ["customers", i] }, "unknown-customer", message(id));
    });
  }
};

/** `unknown-evidence` (v2): an action's `evidence` naming an item that is neither an evidence item nor a case study. */
export const checkActionEvidence: Check = (ctx) => {
  const s = ctx.submission;
  const known = new Set([...s.evidence, ...s.caseStudies].map((i) => i.id));
  for (const a of s.selfAssessmentEntries) {
    for (const act of a.actions) {
      for (const ref of act.evidence) {
        if (known.has(ref.id)) continue;
        ctx.report(ref, "unknown-evidence", unknownActionEvidence(ref.id, known));
      }
    }
  }
};

/** `unknown-person` (v2): document control's `approved_by` or `contact` naming someone not in `people`. */
export const checkDocumentPeople: Check = (ctx) => {
  const { config } = ctx.submission;
  if (!config.document || !config.src) return;
  const known = new Set(config.people.map((p) => p.id));
  const fields = [
    ["approved_by", config.document.approvedBy],
    ["contact", config.document.contact],
  ] as const;
  for (const [field, id] of fields) {
    if (id === null || known.has(id)) continue;
    ctx.report(
      { src: config.src, path: ["document", field] },
      "unknown-person",
      `unknown person "${id}" in \`document.${field}\`: ${ADD_PERSON}.${didYouMean(id, known)}`,
    );
  }
};

function unknownActionEvidence(id: string, known: ReadonlySet<string>): string {
  const why = `no evidence item or case study has the id "${id}"`;
  return `unknown evidence in the action's \`evidence\`: ${why}.${didYouMean(id, known)}`;
}
