import { compareIds } from "../model/natural-order.js";
import type { CaseStudy, Citable, EvidenceItem } from "../model/types.js";
import type { Attachment, Block, Fact, Inline, Section } from "./document-model.js";
import { code, count, formatBytes, heading, para, ref, text } from "./inline.js";
import { ACCESS_LONG } from "./access-labels.js";
import { markdownBlock } from "./markdown-block.js";
import type { PackContext } from "./pack-context.js";
import { anchorOf } from "./anchors.js";
import { attachmentFacts, citedAs } from "./pack-memo.js";

/** The case studies, in full, by id. */
export function caseStudiesSection(ctx: PackContext, attachments: Attachment[]): Section {
  const n = ctx.caseStudies.length;
  // A map made once, not a search (or a map) of the evidence list per case study: that was
  // quadratic in big packs.
  const inPack = new Map(ctx.evidence.map((e) => [e.id, e]));
  return {
    anchor: "case-studies",
    kind: "case-studies",
    level: 2,
    title: "Case studies",
    shortTitle: "Case studies",
    inContents: true,
    blocks: [
      para([
        text(
          n === 0
            ? "This pack holds no case studies."
            : `${count(n, "case study", "case studies")}, ` +
                "each told in full with the elements it shows and the evidence behind it.",
        ),
      ]),
    ],
    children: [
      ...ctx.caseStudies.map((cs) => keptCaseStudySection(ctx, cs, attachments, inPack)),
      ...(n > 0 ? [caseStudyMatrix(ctx)] : []),
    ],
  };
}

/** Case study × element: which elements each case study shows, one row per element shown by any. */
function caseStudyMatrix(ctx: PackContext): Section {
  const studies = ctx.caseStudies;
  // Two cells, shared by every row: 57 elements by 4,795 case studies is 273,315 cells.
  const tick = [text("\u2713")];
  const blank = [text("")];
  const rows = ctx.s.elements.flatMap((e) => {
    const shownBy = new Set(ctx.citations(e.id).caseStudies.map((c) => c.item.id));
    if (shownBy.size === 0) return [];
    return [[[ref(`el-${e.id}`, e.id)], ...studies.map((cs) => (shownBy.has(cs.id) ? tick : blank))]];
  });
  return {
    anchor: "case-study-matrix",
    kind: "case-study-matrix",
    level: 3,
    title: "Case studies and the elements they show",
    shortTitle: "Case study matrix",
    inContents: true,
    blocks: [
      para([
        text(
          `A tick marks an element a case study shows; ${count(rows.length, "element is", "elements are")} shown.`,
        ),
      ]),
      {
        type: "table",
        caption: "Case study × element",
        columns: [
          { label: "Element", align: "start", width: 1.6, nowrap: true },
          ...studies.map((cs) => ({ label: cs.id, align: "start" as const, width: 1, nowrap: false })),
        ],
        rows,
        rowHeaders: true,
      },
    ],
    children: [],
  };
}

/**
 * A case study's section, kept by the preview's memo (pack-memo.ts) while it and all it reads of
 * the pack are the same: the pack's people, sections, customers, glossary and language, the
 * elements it shows (their text), the evidence behind it that is in the pack (as cited), and its
 * attachments' sizes.
 */
function keptCaseStudySection(
  ctx: PackContext,
  cs: CaseStudy,
  attachments: Attachment[],
  inPack: ReadonlyMap<string, EvidenceItem>,
): Section {
  const memo = ctx.inputs.memo;
  if (!memo) return caseStudySection(ctx, cs, attachments, inPack);
  const key = JSON.stringify([
    memo.elementsKey(ctx, cs),
    attachmentFacts(ctx, cs),
    cs.evidence.map((e) => {
      const item = inPack.get(e.id);
      return item ? citedAs(item) : null;
    }),
  ]);
  const kept = memo.item("case-study", ctx, cs, key, () => {
    const own: Attachment[] = [];
    return { section: caseStudySection(ctx, cs, own, inPack), own };
  });
  attachments.push(...kept.own);
  return kept.section;
}

function caseStudySection(
  ctx: PackContext,
  cs: CaseStudy,
  attachments: Attachment[],
  inPack: ReadonlyMap<string, EvidenceItem>,
): Section {
  const anchor = anchorOf.caseStudy(cs.id);
  const facts: Fact[] = [
    { term: "Date", value: [text(ctx.date(cs.date))] },
    { term: "Sections", value: [text(ctx.sectionNames(cs.sections))] },
    { term: "Owner", value: ctx.person(cs.owner) },
    ...itemFacts(ctx, cs),
  ];
  if (cs.status === "draft") facts.push({ term: "Status", value: [text("Draft", true)] });
  const backing = [...new Set(cs.evidence.map((e) => e.id))].filter((id) => inPack.has(id)).sort(compareIds);
  const blocks: Block[] = [
    { type: "facts", items: facts },
    markdownBlock(cs.summary, 4),
    heading(4, "Elements it shows"),
    elementList(ctx, cs),
  ];
  if (backing.length > 0)
    blocks.push(heading(4, "Evidence behind it"), {
      type: "list",
      items: backing.map((id) => [para([ctx.cite(inPack.get(id)!)])]),
    });
  blocks.push(heading(4, "The story"), markdownBlock(cs.narrative, 5));
  blocks.push(...filesAndLinks(ctx, cs, anchor, attachments));
  return {
    anchor,
    kind: "case-study",
    level: 3,
    title: `${cs.id}: ${cs.title}`,
    shortTitle: cs.id,
    inContents: true,
    blocks,
    children: [],
  };
}

/** The elements an item names, each with the mapping's note. */
export function elementList(ctx: PackContext, item: Citable): Block {
  const seen = new Set<string>();
  const items: Block[][] = [];
  const ids = item.elements.map((c) => c.element).filter((id) => !seen.has(id) && seen.add(id));
  for (const id of ids.sort(compareIds)) {
    const note = item.elements.find((c) => c.element === id && c.note)?.note ?? null;
    const el = ctx.element(id);
    // An element outside a scoped pack (--scope visit) has no section to link to.
    const line: Inline[] = [text("Element "), el ? ref(`el-${id}`, id) : text(id)];
    if (el) line.push(text(`: ${el.text}`));
    items.push(note ? [para(line), markdownBlock(note, 5)] : [para(line)]);
  }
  return { type: "list", items };
}

export function filesAndLinks(
  ctx: PackContext,
  item: Citable,
  owner: string,
  attachments: Attachment[],
): Block[] {
  const blocks: Block[] = [];
  if (item.links.length > 0) {
    const internal = item.access === "internal-link";
    blocks.push(heading(4, internal ? "Internal links" : "Links"));
    if (internal)
      blocks.push(
        para(
          [text("These addresses open only inside the organisation; we will show them to the assessor.")],
          "note",
        ),
      );
    // Validation refuses other links; checked again so the model never holds an unsafe one.
    blocks.push({
      type: "list",
      items: item.links.map((href) => [
        para([
          !internal && /^(?:https?:|mailto:)/i.test(href) ? { type: "link", href, text: href } : code(href),
        ]),
      ]),
    });
  }
  const files = item.files.flatMap((f) => {
    const facts = f.resolved === null ? undefined : ctx.inputs.attachments.get(f.resolved);
    return f.resolved !== null && facts
      ? [
          {
            path: f.resolved,
            name: f.resolved.slice(f.resolved.lastIndexOf("/") + 1),
            size: facts.size,
            sha256: facts.sha256,
            owner,
          },
        ]
      : [];
  });
  if (files.length > 0) {
    attachments.push(...files);
    // The hashes are listed only where the files travel with the pack (the PDF with --attach).
    blocks.push(heading(4, "Attachments"), {
      type: "list",
      items: files.map((f) => [
        para([{ type: "code", text: f.name, file: f.path }, text(` (${formatBytes(f.size)})`)]),
      ]),
    });
  }
  return blocks;
}

/** Facts every item shows: how the assessor can see it, and the customer groups it concerns. */
export function itemFacts(ctx: PackContext, item: Citable): Fact[] {
  const facts: Fact[] = [{ term: "How to see it", value: [text(ACCESS_LONG[item.access])] }];
  if (item.customers.length > 0)
    facts.push({
      term: "Customers",
      value: [text(item.customers.map((id) => ctx.customerName(id)).join(", "))],
    });
  return facts;
}
