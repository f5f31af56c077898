import type { Block, ChartCategory, Inline, Section } from "./document-model.js";
import { count, para, ref, text } from "./inline.js";
import type { PackContext } from "./pack-context.js";
import { anchorOf } from "./anchors.js";

/** At a glance: coverage per criterion, a chart of evidence per criterion, and the element matrix. */
export function glanceSection(ctx: PackContext): Section {
  const { criteria } = ctx.s.standard;
  const rows = criteria.map((c) => {
    const elements = c.subcriteria.flatMap((sc) => sc.elements);
    const evidence = new Set<string>();
    const caseStudies = new Set<string>();
    let covered = 0;
    for (const e of elements) {
      const cited = ctx.citations(e.id);
      if (cited.evidence.length + cited.caseStudies.length > 0) covered++;
      for (const x of cited.evidence) evidence.add(x.item.id);
      for (const x of cited.caseStudies) caseStudies.add(x.item.id);
    }
    return { c, elements: elements.length, covered, evidence: evidence.size, caseStudies: caseStudies.size };
  });
  const total = rows.reduce((n, r) => n + r.elements, 0);
  const covered = rows.reduce((n, r) => n + r.covered, 0);
  const pct = total === 0 ? 0 : Math.floor((covered / total) * 100);
  const num = (n: number): Inline[] => [text(String(n))];
  const outOf = (n: number, of: number): Inline[] => [text(`${n}\u00a0of\u00a0${of}`)];
  const blocks: Block[] = [
    para([
      text(`${covered} of ${count(total, "element", "elements")} (${pct}%) are covered`, true),
      text(
        " by at least one evidence item or case study. " +
          `The pack cites ${count(ctx.evidence.length, "evidence item", "evidence items")} ` +
          `and ${count(ctx.caseStudies.length, "case study", "case studies")}.`,
      ),
    ]),
    {
      type: "table",
      caption: "Coverage by criterion",
      columns: [
        { label: "Criterion", align: "start", width: 5, nowrap: false },
        { label: "Elements covered", align: "end", width: 2, nowrap: false },
        { label: "Evidence items", align: "end", width: 2, nowrap: false },
        { label: "Case studies", align: "end", width: 2, nowrap: false },
      ],
      rows: [
        ...rows.map((r) => [
          [ref(anchorOf.criterion(r.c.id), `${r.c.id} ${r.c.title}`)],
          outOf(r.covered, r.elements),
          num(r.evidence),
          num(r.caseStudies),
        ]),
        [
          [text("All criteria", true)],
          outOf(covered, total),
          num(ctx.evidence.length),
          num(ctx.caseStudies.length),
        ],
      ],
      rowHeaders: true,
    },
  ];
  const categories: ChartCategory[] = rows.map((r) => ({
    label: r.c.id,
    name: `Criterion ${r.c.id}: ${r.c.title}`,
    anchor: anchorOf.criterion(r.c.id),
    values: [r.evidence, r.caseStudies],
  }));
  if (categories.length > 0) {
    blocks.push({
      type: "chart",
      title: "Evidence per criterion",
      description: `Bar chart of the evidence items and case studies citing each criterion. ${categories
        .map(
          (c) =>
            `${c.name}: ${count(c.values[0]!, "evidence item", "evidence items")} ` +
            `and ${count(c.values[1]!, "case study", "case studies")}.`,
        )
        .join(" ")}`,
      axis: "Criterion",
      series: ["Evidence items", "Case studies"],
      categories,
    });
  }
  blocks.push({
    type: "table",
    caption: "Every element: its evidence and self-rating",
    columns: [
      { label: "Element", align: "start", width: 2, nowrap: true },
      { label: "Evidence items", align: "end", width: 2, nowrap: false },
      { label: "Case studies", align: "end", width: 2, nowrap: false },
      { label: "Self-rating", align: "start", width: 3, nowrap: false },
    ],
    rows: ctx.s.elements.map((e) => {
      const cited = ctx.citations(e.id);
      const rating = ctx.rating(ctx.s.selfAssessments.get(e.id)?.rating ?? null);
      return [
        [ref(anchorOf.element(e.id), e.id)],
        num(cited.evidence.length),
        num(cited.caseStudies.length),
        [text(rating?.label ?? "Not rated")],
      ];
    }),
    rowHeaders: true,
  });
  return {
    anchor: "at-a-glance",
    kind: "at-a-glance",
    level: 2,
    title: "At a glance",
    shortTitle: "At a glance",
    inContents: true,
    blocks,
    children: [],
  };
}
