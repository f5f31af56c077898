import { findingRatingOf } from "../analyse/latest-finding.js";
import type { Inline, TableBlock } from "./document-model.js";
import { joinInline, pageRef, ref, text } from "./inline.js";
import { shorten } from "./plain-text.js";
import type { PackContext } from "./pack-context.js";

/**
 * One row per element: id, a short title, the self-rating and the previous one (shape and
 * words), the ids of its evidence and case studies, and in paged output the page it starts on.
 */
export function elementMatrix(ctx: PackContext): TableBlock {
  const latest = ctx.latest;
  const ids = (list: { item: { id: string; kind: string } }[]): Inline[] =>
    list.length === 0
      ? [text("none")]
      : joinInline(
          list.map(({ item }) => [ref(`${item.kind === "evidence" ? "ev" : "cs"}-${item.id}`, item.id)]),
        );
  return {
    type: "table",
    caption: "Every element: self-rating, previous rating, evidence and case studies",
    columns: [
      { label: "Element", align: "start", width: 1.1, nowrap: true },
      { label: "What it asks", align: "start", width: 4.4, nowrap: false },
      { label: "Self-rating", align: "start", width: 2.9, nowrap: false },
      { label: "Previous", align: "start", width: 2.9, nowrap: false },
      { label: "Evidence", align: "start", width: 2.8, nowrap: false },
      { label: "Case studies", align: "start", width: 2, nowrap: false },
      { label: "Page", align: "end", width: 0.9, nowrap: true, paged: true },
    ],
    rows: ctx.s.elements.map((e) => {
      const cited = ctx.citations(e.id);
      const previous = latest ? findingRatingOf(latest, e.id) : null;
      return [
        [ref(`el-${e.id}`, e.id)],
        [text(shorten(e.text, 56))],
        [ctx.badge(ctx.s.selfAssessments.get(e.id)?.rating ?? null)],
        previous ? [ctx.badge(previous.rating)] : [text("none")],
        ids(cited.evidence),
        ids(cited.caseStudies),
        [pageRef(`el-${e.id}`)],
      ];
    }),
    rowHeaders: true,
  };
}
