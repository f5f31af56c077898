import type { Section } from "./document-model.js";
import { actionEvidence, actionsTable } from "./element-sections.js";
import type { Block } from "./document-model.js";
import { count, heading, para, ref, text } from "./inline.js";
import { markdownBlock } from "./markdown-block.js";
import { findingRatingOf } from "../analyse/latest-finding.js";
import type { PackContext } from "./pack-context.js";
import { isBelowStandard } from "../analyse/judgements.js";
import { anchorOf } from "./anchors.js";

const KIND_NAMES = {
  initial: "initial assessment",
  "annual-review": "annual review",
  reassessment: "reassessment",
} as const;

/** Progress since the last assessment: every element the latest finding rated below the standard. */
export function progressSection(ctx: PackContext): Section {
  const f = ctx.latest;
  const section: Section = {
    anchor: "progress",
    kind: "progress",
    level: 2,
    title: "Progress since the last assessment",
    shortTitle: "Progress",
    inContents: true,
    blocks: [],
    children: [],
  };
  if (!f) {
    section.blocks.push(para([text("There is no earlier assessment on record.")]), ...completedActions(ctx));
    return section;
  }
  const below = ctx.s.elements.flatMap((e) => {
    const r = findingRatingOf(f, e.id);
    const rating = r ? ctx.rating(r.rating) : null;
    return r && rating && isBelowStandard(rating) ? [{ e, r, rating }] : [];
  });
  const who = f.kind ? `The ${KIND_NAMES[f.kind]}` : "The assessment";
  const visit = `${who} on ${ctx.date(f.date)}${f.assessor ? `, by ${f.assessor},` : ""}`;
  section.blocks.push(
    para([
      text(
        below.length === 0
          ? `${visit} rated every element as meeting the standard.`
          : `${visit} rated ${count(below.length, "element", "elements")} below the standard. For each: ` +
              "the assessor's comment, what we are doing about it, and where that stands.",
      ),
    ]),
  );
  section.blocks.push(...completedActions(ctx));
  for (const { e, r, rating } of below) {
    const self = ctx.s.selfAssessments.get(e.id);
    const blocks = [
      para([text("Element "), ref(anchorOf.element(e.id), e.id), text(`: ${e.text}`)], "lead"),
      {
        type: "facts" as const,
        items: [
          { term: "Assessor's rating", value: [text(`${rating.label} (${ctx.date(f.date)})`)] },
          {
            term: "Our self-rating now",
            value: [text(ctx.rating(self?.rating ?? null)?.label ?? "Not rated")],
          },
          { term: "Owner", value: ctx.person(self?.owner ?? null) },
        ],
      },
      heading(4, "Assessor's comment"),
      r.comment ? markdownBlock(r.comment, 5) : para([text("The assessor left no comment.")], "note"),
      self && self.actions.length > 0
        ? actionsTable(ctx, self.actions, "Our actions")
        : para([text("No actions are recorded for this element.")], "note"),
    ];
    section.children.push({
      anchor: anchorOf.progress(e.id),
      kind: "progress-item",
      level: 3,
      title: `Element ${e.id}`,
      shortTitle: e.id,
      inContents: true,
      blocks,
      children: [],
    });
  }
  return section;
}

/** Every action marked done, with the day it was finished and the evidence that shows it. */
function completedActions(ctx: PackContext): Block[] {
  const done = ctx.s.elements.flatMap((e) =>
    (ctx.s.selfAssessments.get(e.id)?.actions ?? []).filter((a) => a.done).map((a) => ({ e, a })),
  );
  if (done.length === 0) return [];
  const shown = new Map([...ctx.evidence, ...ctx.caseStudies].map((i) => [i.id, i]));
  return [
    heading(3, "Actions completed"),
    {
      type: "table",
      caption: "Actions completed, with the evidence that shows them",
      columns: [
        { label: "Element", align: "start", width: 1.4, nowrap: true },
        { label: "Action", align: "start", width: 5, nowrap: false },
        { label: "Completed", align: "start", width: 2.2, nowrap: false },
        { label: "Evidence", align: "start", width: 4, nowrap: false },
      ],
      rows: done.map(({ e, a }) => [
        [ref(`el-${e.id}`, e.id)],
        [text(a.title)],
        [text(a.doneOn ? ctx.date(a.doneOn) : "date not recorded")],
        actionEvidence(ctx, a, shown),
      ]),
      rowHeaders: true,
    },
  ];
}
