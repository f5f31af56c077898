import type { Block, ChartCategory, Inline } from "./document-model.js";
import { count, para, ref, text } from "./inline.js";
import type { PackContext } from "./pack-context.js";

/** Coverage per criterion: a sentence, a table, and a chart of evidence per criterion. */
export function coverageBlocks(ctx: PackContext): Block[] {
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
          `The pack cites ${itemsAndStudies(ctx.evidence.length, ctx.caseStudies.length)}.`,
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
          [ref(`crit-${r.c.id}`, `${r.c.id} ${r.c.title}`)],
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
    anchor: `crit-${r.c.id}`,
    values: [r.evidence, r.caseStudies],
  }));
  if (categories.length > 0) {
    blocks.push({
      type: "chart",
      title: "Evidence per criterion",
      description: `Bar chart of the evidence items and case studies citing each criterion. ${categories
        .map((c) => `${c.name}: ${itemsAndStudies(c.values[0]!, c.values[1]!)}.`)
        .join(" ")}`,
      axis: "Criterion",
      series: ["Evidence items", "Case studies"],
      categories,
    });
  }
  return blocks;
}

/** "3 evidence items and 1 case study". */
function itemsAndStudies(items: number, studies: number): string {
  return `${count(items, "evidence item", "evidence items")} and ${count(studies, "case study", "case studies")}`;
}
