import { findingRatingOf } from "../analyse/latest-finding.js";
import type { Block, Inline, TableBlock } from "./document-model.js";
import { count, heading, joinInline, para, ref, text } from "./inline.js";
import { firstSentence, shorten } from "./plain-text.js";
import type { PackContext } from "./pack-context.js";

/** How many elements are self-rated with each rating of the scale, beside the latest finding's numbers. */
export function ratingCounts(ctx: PackContext): TableBlock {
  const { s, latest } = ctx;
  const scale = s.standard.ratings;
  const self = new Map<string, number>();
  const found = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const e of s.elements) {
    const r = s.selfAssessments.get(e.id)?.rating ?? null;
    bump(self, r !== null && ctx.rating(r) ? r : "");
    if (latest) {
      const f = findingRatingOf(latest, e.id)?.rating ?? null;
      bump(found, f !== null && ctx.rating(f) ? f : "");
    }
  }
  const num = (n: number | undefined): Inline[] => [text(String(n ?? 0))];
  const rows = scale.map((r) => [
    [ctx.badge(r.id)],
    num(self.get(r.id)),
    ...(latest ? [num(found.get(r.id))] : []),
  ]);
  if (self.has("") || found.has(""))
    rows.push([[ctx.badge(null)], num(self.get("")), ...(latest ? [num(found.get(""))] : [])]);
  rows.push([
    [text("All elements", true)],
    num(s.elements.length),
    ...(latest ? [num(s.elements.length)] : []),
  ]);
  return {
    type: "table",
    caption: latest
      ? `Elements by rating: our self-assessment now, and the assessment of ${ctx.date(latest.date)}`
      : "Elements by rating in our self-assessment",
    columns: [
      { label: "Rating", align: "start", width: 4, nowrap: false },
      { label: "Self-assessment now", align: "end", width: 2.5, nowrap: false },
      ...(latest
        ? [{ label: `Assessed ${ctx.date(latest.date)}`, align: "end" as const, width: 2.5, nowrap: false }]
        : []),
    ],
    rows,
    rowHeaders: true,
  };
}

/** The elements self-rated below the standard, each with its open actions and their state. */
export function belowStandard(ctx: PackContext): Block[] {
  const below = ctx.s.elements.filter((e) => {
    const r = ctx.rating(ctx.s.selfAssessments.get(e.id)?.rating ?? null);
    return r !== null && !r.meets;
  });
  const blocks: Block[] = [heading(3, "Rated below the standard")];
  if (below.length === 0) {
    blocks.push(para([text("No element is self-rated below the standard.")]));
    return blocks;
  }
  blocks.push(
    para([
      text(`${count(below.length, "element is", "elements are")} self-rated below the standard. `),
      text("Each is listed with the actions still open."),
    ]),
  );
  const asOf = ctx.inputs.build.asOf;
  blocks.push({
    type: "list",
    items: below.map((e) => {
      const self = ctx.s.selfAssessments.get(e.id);
      const line = para([
        ref(`el-${e.id}`, e.id),
        text(` ${shorten(e.text, 90)} `),
        ctx.badge(self?.rating ?? null),
      ]);
      const open = (self?.actions ?? []).filter((a) => !a.done);
      if (open.length === 0)
        return [
          line,
          para([text(self?.actions.length ? "Every action is done." : "No action is recorded.")], "note"),
        ];
      return [
        line,
        {
          type: "list",
          items: open.map((a) => {
            const overdue = a.due !== null && a.due < asOf;
            const when = a.due ? `due ${ctx.date(a.due)}` : "no due date";
            return [
              para([
                text(`${a.title}: `),
                ...ctx.person(a.owner),
                text(`, ${when}, `),
                text(overdue ? "open and overdue" : "open", overdue),
              ]),
            ];
          }),
        },
      ];
    }),
  });
  return blocks;
}

/** The claims of the best rating, each with its one-line reason and its case studies. */
export function claimsOfBest(ctx: PackContext): Block[] {
  const best = ctx.s.standard.ratings[0];
  if (!best || !best.meets || ctx.s.standard.ratings.filter((r) => r.meets).length < 2) return [];
  const claims = ctx.s.elements.filter((e) => ctx.s.selfAssessments.get(e.id)?.rating === best.id);
  const blocks: Block[] = [heading(3, `Claims of ${best.label}`)];
  if (claims.length === 0) {
    blocks.push(para([text(`No element is self-rated ${best.label}.`)]));
    return blocks;
  }
  blocks.push({
    type: "list",
    items: claims.map((e) => {
      const self = ctx.s.selfAssessments.get(e.id)!;
      const studies = ctx.citations(e.id).caseStudies.map((c) => [ctx.cite(c.item)]);
      const reason = self.statement ? firstSentence(self.statement) : "";
      return [
        para([ref(`el-${e.id}`, e.id), text(` ${shorten(e.text, 90)}`, true)]),
        para([text(reason || "No statement has been written yet.")], reason ? "plain" : "note"),
        studies.length > 0
          ? para([
              text(studies.length === 1 ? "Case study: " : "Case studies: "),
              ...joinInline(studies, "; "),
            ])
          : para([text("Missing: no case study shows this element.")], "alert"),
      ];
    }),
  });
  return blocks;
}
