import { closest } from "../../util/closest.js";
import type { Check } from "./context.js";
import { orList } from "./context.js";

/** An `assessment.scope` entry that names nothing in the standard. */
function unknownScopeMessage(id: string, known: string[]): string {
  const near = closest(id, known, 3);
  const hint = near.length ? ` Did you mean ${orList(near)}?` : "";
  const why = "the standard has no criterion, sub-criterion or element of that id";
  return `unknown id "${id}" in \`assessment.scope\`: ${why}.${hint}`;
}

/** `unknown-element`: `assessment.scope` names criterion, sub-criterion or element ids of the standard. */
export const checkVisitScope: Check = (ctx) => {
  const s = ctx.submission;
  const scope = s.config.assessment.scope;
  if (scope === null || s.elements.length === 0) return;
  const known = s.standard.criteria.flatMap((c) => [
    c.id,
    ...c.subcriteria.flatMap((sc) => [sc.id, ...sc.elements.map((e) => e.id)]),
  ]);
  const ids = new Set(known);
  for (const entry of scope)
    if (!ids.has(entry.id)) ctx.report(entry, "unknown-element", unknownScopeMessage(entry.id, known));
};
