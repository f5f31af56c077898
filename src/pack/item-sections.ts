import { compareIds } from "../model/natural-order.js";
import type { CaseStudy, Citable, EvidenceItem } from "../model/types.js";
import type { Attachment, Block, Fact, Inline, Section } from "./document-model.js";
import {
  code,
  count,
  formatBytes,
  formatDate,
  heading,
  joinInline,
  labelOf,
  para,
  ref,
  text,
} from "./inline.js";
import { lastChangedCell, lastChangedFact } from "./last-changed-text.js";
import { markdownBlock } from "./markdown-block.js";
import type { PackContext } from "./pack-context.js";
import { anchorOf } from "./anchors.js";

/** The case studies, in full, by id. */
export function caseStudiesSection(ctx: PackContext, attachments: Attachment[]): Section {
  const n = ctx.caseStudies.length;
  // A set, not a search of the evidence list per case study: that was quadratic in big packs.
  const inPack = new Set(ctx.evidence.map((e) => e.id));
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
    children: ctx.caseStudies.map((cs) => caseStudySection(ctx, cs, attachments, inPack)),
  };
}

function caseStudySection(
  ctx: PackContext,
  cs: CaseStudy,
  attachments: Attachment[],
  inPack: ReadonlySet<string>,
): Section {
  const anchor = anchorOf.caseStudy(cs.id);
  const facts: Fact[] = [
    { term: "Date", value: [text(formatDate(cs.date))] },
    { term: "Sections", value: [text(ctx.sectionNames(cs.sections))] },
    { term: "Owner", value: ctx.person(cs.owner) },
  ];
  if (cs.status === "draft") facts.push({ term: "Status", value: [text("Draft", true)] });
  const backing = [...new Set(cs.evidence.map((e) => e.id))].filter((id) => inPack.has(id));
  if (backing.length > 0)
    facts.push({
      term: "Evidence",
      value: joinInline(backing.sort(compareIds).map((id) => [ref(anchorOf.evidence(id), id)])),
    });
  const blocks: Block[] = [
    { type: "facts", items: facts },
    markdownBlock(cs.summary, 4),
    heading(4, "The story"),
    markdownBlock(cs.narrative, 5),
  ];
  blocks.push(heading(4, "Elements it shows"), elementList(ctx, cs));
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

/** The evidence index: every item in the pack, by id, with what cites it. */
export function evidenceIndexSection(ctx: PackContext, attachments: Attachment[]): Section {
  const n = ctx.evidence.length;
  const blocks: Block[] = [
    para([
      text(
        n === 0
          ? "This pack holds no evidence items."
          : `${count(n, "evidence item", "evidence items")}, ` +
              "by id. Each lists the elements and case studies that cite it.",
      ),
    ]),
  ];
  // Last-changed dates come from git; say why they are missing where a reader would expect them.
  const history = ctx.inputs.lastChanged ?? null;
  const dated = history?.known ? history.items : null;
  if (history && !history.known && history.reason !== "not-a-repository")
    blocks.push(para([text(`Last-changed dates are not shown: ${history.message}.`)], "note"));
  if (n > 0) {
    blocks.push({
      type: "table",
      caption: "Evidence items",
      columns: [
        { label: "Id", align: "start", width: 1, nowrap: true },
        { label: "Title", align: "start", width: 5, nowrap: false },
        { label: "Type", align: "start", width: 2, nowrap: false },
        { label: "Date", align: "start", width: 2, nowrap: true },
        ...(dated ? [{ label: "Last changed", align: "start" as const, width: 2, nowrap: false }] : []),
      ],
      rows: ctx.evidence.map((e) => [
        [ref(anchorOf.evidence(e.id), e.id)],
        [text(e.title + (e.status === "draft" ? " (draft)" : ""))],
        [text(e.type ? labelOf(e.type) : "")],
        [text(e.date ?? "")],
        ...(dated ? [[text(lastChangedCell(dated.get(e.id)))]] : []),
      ]),
      rowHeaders: true,
    });
  }
  return {
    anchor: "evidence-index",
    kind: "evidence-index",
    level: 2,
    title: "Evidence index",
    shortTitle: "Evidence index",
    inContents: true,
    blocks,
    children: ctx.evidence.map((e) => evidenceSection(ctx, e, attachments)),
  };
}

function evidenceSection(ctx: PackContext, e: EvidenceItem, attachments: Attachment[]): Section {
  const anchor = anchorOf.evidence(e.id);
  const facts: Fact[] = [
    { term: "Type", value: [text(e.type ? labelOf(e.type) : "")] },
    { term: "Date", value: [text(formatDate(e.date))] },
  ];
  if (e.expires) facts.push({ term: "Expires", value: [text(formatDate(e.expires))] });
  facts.push(
    { term: "Sections", value: [text(ctx.sectionNames(e.sections))] },
    { term: "Owner", value: ctx.person(e.owner) },
  );
  if (e.status === "draft") facts.push({ term: "Status", value: [text("Draft", true)] });
  const changed = ctx.inputs.lastChanged?.known
    ? lastChangedFact(ctx.inputs.lastChanged.items.get(e.id))
    : null;
  if (changed) facts.push({ term: "Last changed", value: changed });
  const blocks: Block[] = [{ type: "facts", items: facts }, markdownBlock(e.description, 4)];
  blocks.push(...filesAndLinks(ctx, e, anchor, attachments));
  blocks.push(heading(4, "Cited by"), elementList(ctx, e));
  const backing = ctx.backedBy(e.id);
  if (backing.length > 0) {
    blocks.push({
      type: "list",
      items: backing.map((cs) => [
        para([text("Case study "), ref(anchorOf.caseStudy(cs.id), cs.id), text(" "), text(cs.title, true)]),
      ]),
    });
  }
  return {
    anchor,
    kind: "evidence",
    level: 3,
    title: `${e.id}: ${e.title}`,
    shortTitle: e.id,
    inContents: false,
    blocks,
    children: [],
  };
}

/** The elements an item names, each with the mapping's note. */
function elementList(ctx: PackContext, item: Citable): Block {
  const seen = new Set<string>();
  const items: Block[][] = [];
  const ids = item.elements.map((c) => c.element).filter((id) => !seen.has(id) && seen.add(id));
  for (const id of ids.sort(compareIds)) {
    const note = item.elements.find((c) => c.element === id && c.note)?.note ?? null;
    const line: Inline[] = [text("Element "), ref(anchorOf.element(id), id)];
    const el = ctx.element(id);
    if (el) line.push(text(`: ${el.text}`));
    items.push(note ? [para(line), markdownBlock(note, 5)] : [para(line)]);
  }
  return { type: "list", items };
}

function filesAndLinks(ctx: PackContext, item: Citable, owner: string, attachments: Attachment[]): Block[] {
  const blocks: Block[] = [];
  if (item.links.length > 0) {
    blocks.push(heading(4, "Links"));
    // Validation refuses other links; checked again so the model never holds an unsafe one.
    blocks.push({
      type: "list",
      items: item.links.map((href) => [
        para([/^(?:https?:|mailto:)/i.test(href) ? { type: "link", href, text: href } : text(href)]),
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
    blocks.push(heading(4, "Attachments"), {
      type: "table",
      caption: `Attachments of ${item.id}`,
      columns: [
        { label: "File", align: "start", width: 3, nowrap: false },
        { label: "Size", align: "end", width: 2, nowrap: true },
        { label: "SHA-256", align: "start", width: 6, nowrap: false },
      ],
      rows: files.map((f) => [[code(f.name)], [text(formatBytes(f.size))], [code(f.sha256)]]),
      rowHeaders: true,
    });
  }
  return blocks;
}
