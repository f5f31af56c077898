import { compareIds } from "../model/natural-order.js";
import type { EvidenceItem } from "../model/types.js";
import type { Attachment, Block, Fact, Inline, Section } from "./document-model.js";
import { count, heading, joinInline, labelOf, para, ref, text } from "./inline.js";
import { ACCESS_SHORT } from "./access-labels.js";
import { elementList, filesAndLinks, itemFacts } from "./item-sections.js";
import { markdownBlock } from "./markdown-block.js";
import type { PackContext } from "./pack-context.js";
import { attachmentFacts, citedAs } from "./pack-memo.js";

const INDEX_INTRO =
  "Each entry lists the elements it supports, how to see it, and the case studies that cite it.";

/** The evidence index: a table of every item in the pack, then each item's entry, by id. */
export function evidenceIndexSection(ctx: PackContext, attachments: Attachment[]): Section {
  const n = ctx.evidence.length;
  const blocks: Block[] = [
    para([
      text(
        n === 0
          ? "This pack holds no evidence items."
          : `${count(n, "evidence item", "evidence items")}, by id. ${INDEX_INTRO}`,
      ),
    ]),
  ];
  if (n > 0) {
    blocks.push({
      type: "table",
      caption: "Evidence items",
      columns: [
        { label: "Id", align: "start", width: 1, nowrap: true },
        { label: "Title", align: "start", width: 4.4, nowrap: false },
        { label: "Date", align: "start", width: 1.9, nowrap: false },
        { label: "Elements", align: "start", width: 2.6, nowrap: false },
        { label: "How to see it", align: "start", width: 2, nowrap: false },
        { label: "Page", align: "end", width: 0.8, nowrap: true, paged: true },
      ],
      rows: ctx.evidence.map((e) => keptIndexRow(ctx, e)),
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
    children: ctx.evidence.map((e) => keptEvidenceSection(ctx, e, attachments)),
  };
}

/**
 * An item's row of the index, kept by the preview's memo (pack-memo.ts) while the item is the
 * same: it shows the item's own fields and its date in the pack's language (in the memo's
 * context key), nothing else of the pack. The same row object lets the section memo digest and
 * render the table by rows it has met (section-memo.ts).
 */
function keptIndexRow(ctx: PackContext, e: EvidenceItem): Inline[][] {
  const memo = ctx.inputs.memo;
  return memo ? memo.item("evidence-row", ctx, e, "", () => indexRow(ctx, e)) : indexRow(ctx, e);
}

function indexRow(ctx: PackContext, e: EvidenceItem): Inline[][] {
  return [
    [ref(`ev-${e.id}`, e.id)],
    [text(e.title + (e.status === "draft" ? " (draft)" : ""))],
    [text(ctx.date(e.date))],
    elementIds(e),
    [text(ACCESS_SHORT[e.access])],
    [{ type: "page", anchor: `ev-${e.id}` }],
  ];
}

function elementIds(e: EvidenceItem): Inline[] {
  const ids = [...new Set(e.elements.map((c) => c.element))].sort(compareIds);
  return joinInline(ids.map((id) => [ref(`el-${id}`, id)]));
}

/**
 * An item's entry, kept by the preview's memo (pack-memo.ts) while the item and all it reads of
 * the pack are the same: the pack's people, sections, customers, glossary and language, the
 * elements it names (their text), its attachments' sizes, and the case studies it backs.
 */
function keptEvidenceSection(ctx: PackContext, e: EvidenceItem, attachments: Attachment[]): Section {
  const memo = ctx.inputs.memo;
  if (!memo) return evidenceSection(ctx, e, attachments);
  const key = JSON.stringify([
    memo.elementsKey(ctx, e),
    attachmentFacts(ctx, e),
    ctx.backedBy(e.id).map(citedAs),
  ]);
  const kept = memo.item("evidence", ctx, e, key, () => {
    const own: Attachment[] = [];
    return { section: evidenceSection(ctx, e, own), own };
  });
  attachments.push(...kept.own);
  return kept.section;
}

function evidenceSection(ctx: PackContext, e: EvidenceItem, attachments: Attachment[]): Section {
  const anchor = `ev-${e.id}`;
  const facts: Fact[] = [
    { term: "Type", value: [text(e.type ? labelOf(e.type) : "")] },
    { term: "Date", value: [text(ctx.date(e.date))] },
  ];
  if (e.expires) facts.push({ term: "Expires", value: [text(ctx.date(e.expires))] });
  facts.push(
    { term: "Sections", value: [text(ctx.sectionNames(e.sections))] },
    { term: "Owner", value: ctx.person(e.owner) },
    { term: "Supports", value: elementIds(e) },
    ...itemFacts(ctx, e),
  );
  if (e.status === "draft") facts.push({ term: "Status", value: [text("Draft", true)] });
  const blocks: Block[] = [{ type: "facts", items: facts }, markdownBlock(e.description, 4)];
  blocks.push(...filesAndLinks(ctx, e, anchor, attachments));
  blocks.push(heading(4, "Cited by"), elementList(ctx, e));
  const backing = ctx.backedBy(e.id);
  if (backing.length > 0) {
    blocks.push({
      type: "list",
      items: backing.map((cs) => [para([text("Case study "), ctx.cite(cs)])]),
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
