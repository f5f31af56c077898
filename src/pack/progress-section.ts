import type { Section } from "./document-model.js";
import { actionsTable } from "./element-sections.js";
import { count, formatDate, heading, para, ref, text } from "./inline.js";
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
    section.blocks.push(para([text("There is no earlier assessment on record.")]));
    return section;
  }
  const below = ctx.s.elements.flatMap((e) => {
    const r = findingRatingOf(f, e.id);
    const rating = r ? ctx.rating(r.rating) : null;
    return r && rating && isBelowStandard(rating) ? [{ e, r, rating }] : [];
  });
  const who = f.kind ? `The ${KIND_NAMES[f.kind]}` : "The assessment";
  const visit = `${who} on ${formatDate(f.date)}${f.assessor ? `, by ${f.assessor},` : ""}`;
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
  for (const { e, r, rating } of below) {
    const self = ctx.s.selfAssessments.get(e.id);
    const blocks = [
      para([text("Element "), ref(anchorOf.element(e.id), e.id), text(`: ${e.text}`)], "lead"),
      {
        type: "facts" as const,
        items: [
          { term: "Assessor's rating", value: [text(`${rating.label} (${formatDate(f.date)})`)] },
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
