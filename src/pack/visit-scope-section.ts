import type { ScopeReason, VisitScope } from "../analyse/visit-scope.js";
import type { Element, Submission } from "../model/types.js";
import type { Section } from "./document-model.js";
import { count, formatDate, para, ref, text } from "./inline.js";
import type { PackContext } from "./pack-context.js";

/**
 * The submission narrowed to the visit's scope (`cse build --scope visit`): only the criteria,
 * sub-criteria and elements in scope, and the evidence items and case studies that name one of
 * them. Everything else (self-assessments, findings, service standards) is kept: the sections
 * that use them look elements up and leave out what is not there.
 */
export function narrowToScope(s: Submission, scope: VisitScope): Submission {
  const inScope = new Set(scope.elements.map((e) => e.id));
  const keep = (e: Element) => inScope.has(e.id);
  const criteria = s.standard.criteria
    .map((c) => ({
      ...c,
      subcriteria: c.subcriteria
        .map((sc) => ({ ...sc, elements: sc.elements.filter(keep) }))
        .filter((sc) => sc.elements.length > 0),
    }))
    .filter((c) => c.subcriteria.length > 0);
  const elements = s.elements.filter(keep);
  const cites = (item: { elements: { element: string }[] }) =>
    item.elements.some((c) => inScope.has(c.element));
  return {
    ...s,
    standard: { ...s.standard, criteria },
    elements,
    elementById: new Map(elements.map((e) => [e.id, e])),
    evidence: s.evidence.filter(cites),
    caseStudies: s.caseStudies.filter(cites),
    serviceStandards: s.serviceStandards.filter((ss) => ss.elements.some((e) => inScope.has(e.id))),
  };
}

/** "Scope of this visit": which elements the visit looks at, and why each is in. */
export function visitScopeSection(ctx: PackContext, scope: VisitScope, allElements: number): Section {
  const blocks = [
    para([text(basisSentence(ctx, scope))], "lead"),
    para([
      text(`This pack covers ${scope.elements.length} of the ${count(allElements, "element", "elements")}.`),
    ]),
  ];
  if (!scope.all || scope.elements.some((e) => e.reasons.length > 0)) {
    blocks.push({
      type: "table",
      caption: "The elements in scope, and why",
      columns: [
        { label: "Element", align: "start", width: 1, nowrap: true },
        { label: "Why it is in scope", align: "start", width: 5, nowrap: false },
      ],
      rows: scope.elements.map((e) => [
        [ctx.element(e.id) ? ref(`el-${e.id}`, e.id) : text(e.id)],
        [text(e.reasons.map((r) => reasonText(ctx, r)).join("; "))],
      ]),
      rowHeaders: true,
    });
  }
  return {
    anchor: "visit-scope",
    kind: "visit-scope",
    level: 2,
    title: "Scope of this visit",
    shortTitle: "Scope",
    inContents: true,
    blocks,
    children: [],
  };
}

const VISIT = {
  initial: "An initial assessment",
  "annual-review": "An annual review",
  reassessment: "A reassessment",
};

const NOTHING_SET =
  "No part of the standard was named for this visit and there is no earlier assessment: it covers every element.";

/** Why the visit covers what it does, in words for the assessor. */
function basisSentence(ctx: PackContext, scope: VisitScope): string {
  const kind = ctx.s.config.assessment.kind;
  const visit = kind ? VISIT[kind] : "This visit";
  if (scope.basis === "kind") return `${visit} looks at every element of the standard.`;
  if (scope.basis === "nothing-set") return NOTHING_SET;
  const named = ctx.s.config.assessment.scope?.map((x) => x.id) ?? [];
  const parts = [
    ...(named.length ? [`what the certification body named for it (${andList(named)})`] : []),
    ...(scope.finding
      ? [`every element the assessment of ${formatDate(scope.finding.date)} rated below the standard`]
      : []),
  ];
  return `${visit} looks at part of the standard: ${parts.join(", and ")}.`;
}

function andList(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function reasonText(ctx: PackContext, r: ScopeReason): string {
  if (r.kind === "below-standard")
    return `rated ${ctx.rating(r.rating)?.label ?? r.rating} at the assessment on ${formatDate(r.date)}`;
  if (ctx.s.elementById.has(r.via)) return "named for this visit";
  const isCriterion = ctx.s.standard.criteria.some((c) => c.id === r.via);
  return `named for this visit (${isCriterion ? "criterion" : "sub-criterion"} ${r.via})`;
}
