import type { Action, CaseStudy, Criterion, Element, EvidenceItem, Subcriterion } from "../model/types.js";
import type { Block, Inline, Section, TableBlock } from "./document-model.js";
import { count, heading, joinInline, labelOf, para, ref, text } from "./inline.js";
import { ACCESS_SHORT } from "./access-labels.js";
import { evidenceWarnings } from "./evidence-warnings.js";
import { markdownBlock } from "./markdown-block.js";
import { findingRatingOf } from "../analyse/latest-finding.js";
import type { PackContext } from "./pack-context.js";
import { isBelowStandard, isOverdue } from "../analyse/judgements.js";
import { anchorOf } from "./anchors.js";

/** One section per criterion, with its sub-criteria and their elements. */
export function criterionSections(ctx: PackContext): Section[] {
  return ctx.s.standard.criteria.map((c) => ({
    anchor: anchorOf.criterion(c.id),
    kind: "criterion",
    level: 2,
    title: `Criterion ${c.id}: ${c.title}`,
    shortTitle: `Criterion ${c.id}`,
    inContents: true,
    blocks: c.summary ? [markdownBlock(c.summary, 3)] : [],
    children: c.subcriteria.map((sc) => subcriterionSection(ctx, c, sc)),
  }));
}

function subcriterionSection(ctx: PackContext, _c: Criterion, sc: Subcriterion): Section {
  return {
    anchor: anchorOf.subcriterion(sc.id),
    kind: "subcriterion",
    level: 3,
    title: `${sc.id} ${sc.title}`,
    shortTitle: sc.id,
    inContents: true,
    blocks: [],
    children: sc.elements.map((e) => keptElementSection(ctx, e)),
  };
}

/**
 * An element's section, kept by the preview's memo (pack-memo.ts) while everything it reads is
 * the same. What it reads, each part in the key: the element (its criterion file's data), its
 * self-assessment (its file's data and place), the latest finding's date and result for it, the
 * ratings, the rules, its gaps (worked out over the whole pack each time), the as-of day, and
 * every item it lists or its actions name (each item's file's data: an item is made from its
 * data and path alone, so the same data is the same title, date, note, attachments…). The
 * pack's language, people, sections and drafts setting are in the memo's context key.
 */
function keptElementSection(ctx: PackContext, e: Element): Section {
  const memo = ctx.inputs.memo;
  if (!memo) return elementSection(ctx, e);
  const self = ctx.s.selfAssessments.get(e.id);
  const cited = ctx.citations(e.id);
  const latest = ctx.latest;
  const parts: (string | null)[] = [
    memo.dataKey(e),
    e.id,
    memo.dataKey(self),
    self ? JSON.stringify(self.path) : "",
    latest ? JSON.stringify([latest.date, findingRatingOf(latest, e.id)]) : "",
    packFacts(ctx),
    ctx.gaps(e.id).join(","),
  ];
  for (const { item } of cited.evidence) parts.push(memo.dataKey(item));
  parts.push("|");
  for (const { item } of cited.caseStudies) parts.push(memo.dataKey(item));
  parts.push("|");
  if (self && self.actions.length > 0) {
    const shown = itemsShown(ctx);
    for (const a of self.actions) for (const ref of a.evidence) parts.push(memo.dataKey(shown.get(ref.id)));
  }
  if (parts.includes(null)) return elementSection(ctx, e);
  return memo.item(`element ${e.id}`, ctx, e, parts.join(" "), () => elementSection(ctx, e));
}

/** What every element's section reads of the pack besides the memo's context key: ratings, rules, the as-of day. */
function packFacts(ctx: PackContext): string {
  let facts = packFactsOf.get(ctx);
  if (facts === undefined)
    packFactsOf.set(
      ctx,
      (facts = JSON.stringify([ctx.s.standard.ratings, ctx.s.config.rules, ctx.inputs.build.asOf])),
    );
  return facts;
}

const packFactsOf = new WeakMap<PackContext, string>();

function elementSection(ctx: PackContext, e: Element): Section {
  const self = ctx.s.selfAssessments.get(e.id);
  const cited = ctx.citations(e.id);
  const blocks: Block[] = [para([text(e.text)], "lead")];
  const facts = [
    { term: "Owner", value: ctx.person(self?.owner ?? null) },
    { term: "Self-rating", value: [ctx.badge(self?.rating ?? null)] },
  ];
  const latest = ctx.latest;
  const result = latest ? findingRatingOf(latest, e.id) : null;
  if (latest && result) {
    const r = ctx.rating(result.rating);
    const label = r?.label ?? result.rating;
    const when = text(` (${ctx.date(latest.date)})`);
    facts.push({
      term: "Last assessment",
      value: isBelowStandard(r) ? [ref(anchorOf.progress(e.id), label), when] : [text(label), when],
    });
  }
  facts.push({
    term: "Evidence",
    value: [
      text(
        [
          count(cited.evidence.length, "item", "items"),
          count(cited.caseStudies.length, "case study", "case studies"),
        ].join(", "),
      ),
    ],
  });
  blocks.push({ type: "facts", items: facts });
  blocks.push(...evidenceWarnings(ctx, e.id));

  blocks.push(heading(5, "Our statement"));
  blocks.push(
    self?.statement
      ? markdownBlock(self.statement, 6)
      : para([text("No statement has been written for this element yet.")], "note"),
  );
  if (self && self.actions.length > 0) blocks.push(actionsTable(ctx, self.actions, "Actions"));

  blocks.push(heading(5, "Evidence"));
  if (cited.evidence.length === 0)
    blocks.push(para([text("No evidence item in this pack cites this element.")], "note"));
  else {
    blocks.push({
      type: "list",
      items: cited.evidence.map(({ item, note }) => {
        const facts = [
          item.type ? labelOf(item.type) : null,
          ctx.date(item.date),
          ctx.sectionNames(item.sections),
          ACCESS_SHORT[item.access],
          item.status === "draft" ? "Draft" : null,
        ];
        const line: Inline[] = [ctx.cite(item), text(`: ${facts.filter(Boolean).join(", ")}`)];
        return note ? [para(line), markdownBlock(note, 6)] : [para(line)];
      }),
    });
  }
  if (cited.caseStudies.length > 0) {
    blocks.push(heading(5, "Case studies"));
    blocks.push({
      type: "list",
      items: cited.caseStudies.map(({ item, note }) => {
        const line: Inline[] = [
          ctx.cite(item),
          text(`: ${ctx.date(item.date)}${item.status === "draft" ? ", Draft" : ""}`),
        ];
        return note ? [para(line), markdownBlock(note, 6)] : [para(line)];
      }),
    });
  }
  return {
    anchor: anchorOf.element(e.id),
    kind: "element",
    level: 4,
    title: `Element ${e.id}`,
    shortTitle: e.id,
    inContents: false,
    blocks,
    children: [],
  };
}

/** A table of actions: what, who, when, whether done (and when), and the evidence that shows it. */
export function actionsTable(ctx: PackContext, actions: Action[], caption: string): TableBlock {
  const asOf = ctx.inputs.build.asOf;
  const shown = itemsShown(ctx);
  const withEvidence = actions.some((a) => a.evidence.length > 0);
  return {
    type: "table",
    caption,
    columns: [
      { label: "Action", align: "start", width: 5, nowrap: false },
      { label: "Owner", align: "start", width: 3, nowrap: false },
      { label: "Due", align: "start", width: 2, nowrap: false },
      { label: "State", align: "start", width: 2, nowrap: false },
      ...(withEvidence ? [{ label: "Evidence", align: "start" as const, width: 3, nowrap: false }] : []),
    ],
    rows: actions.map((a) => {
      const overdue = isOverdue(a, asOf);
      const state = a.done
        ? a.doneOn
          ? `Done on ${ctx.date(a.doneOn)}`
          : "Done"
        : overdue
          ? "Open, overdue"
          : "Open";
      const row = [
        [text(a.title)],
        ctx.person(a.owner),
        [text(a.due ? ctx.date(a.due) : "Not set")],
        [text(state, overdue)],
      ];
      if (withEvidence) row.push(actionEvidence(ctx, a, shown));
      return row;
    }),
    rowHeaders: false,
  };
}

/**
 * The items in the pack by id, made once per pack (it was made for every actions table: some
 * 3,000 entries for each element with actions, a tenth of a 3,000-item preview's rebuild).
 */
function itemsShown(ctx: PackContext): ReadonlyMap<string, EvidenceItem | CaseStudy> {
  let shown = shownIn.get(ctx);
  if (shown === undefined)
    shownIn.set(ctx, (shown = new Map([...ctx.evidence, ...ctx.caseStudies].map((i) => [i.id, i]))));
  return shown;
}

const shownIn = new WeakMap<PackContext, ReadonlyMap<string, EvidenceItem | CaseStudy>>();

/** The evidence an action names, as citations; an id left out of the pack (a draft) stays plain text. */
export function actionEvidence(
  ctx: PackContext,
  a: Action,
  shown: ReadonlyMap<string, EvidenceItem | CaseStudy>,
): Inline[] {
  if (a.evidence.length === 0) return [text("none")];
  return joinInline(
    a.evidence.map((ref) => {
      const item = shown.get(ref.id);
      return item ? [ctx.cite(item)] : [text(ref.id)];
    }),
  );
}
