import { Paragraph, type Table, type TableRow } from "docx";
import type {
  Block,
  ChartBlock,
  FactsBlock,
  HeadingBlock,
  ListBlock,
  MarkdownBlock,
  ParagraphBlock,
  TableBlock,
  TrendBlock,
} from "../../pack/document-model.js";
import { chartParagraphs } from "./docx-chart.js";
import type { DocxContext } from "./docx-context.js";
import { inlineRuns, textRuns } from "./docx-inlines.js";
import { listParagraph, type ListPlace } from "./docx-lists.js";
import { headingLevelOf, markdownParagraphs } from "./docx-markdown.js";
import { STYLE } from "./docx-styles.js";
import { docxTable } from "./docx-table.js";

/** What a block becomes in the Word document's body. */
export type BodyChild = Paragraph | Table;

/**
 * A piece of the body as it is made and written: children, or a long table in parts (its start,
 * with the properties and header row; some of its rows; its end), so that a table of 30,000 rows
 * is never held whole.
 */
export type BodyPiece = BodyChild[] | { tableStart: Table } | { tableRows: TableRow[] } | { tableEnd: true };

type BlockRenderer<B extends Block> = (ctx: DocxContext, block: B, style?: string) => BodyChild[];

/**
 * One renderer per block kind, found by the block's `type`: adding a kind to the document model
 * is adding a function here (the type checker lists the kinds still missing).
 */
const RENDERERS: { [K in Block["type"]]: BlockRenderer<Extract<Block, { type: K }>> } = {
  paragraph: paragraphBlock,
  heading: headingBlock,
  markdown: markdownBlock,
  facts: factsBlock,
  list: listBlock,
  table: tableBlock,
  chart: chartBlock,
  trend: trendBlock,
};

/** The blocks of a section as Word paragraphs and tables, in order. */
export function docxBlocks(ctx: DocxContext, blocks: readonly Block[]): BodyChild[] {
  return blocks.flatMap((block) => (RENDERERS[block.type] as BlockRenderer<Block>)(ctx, block));
}

const ROLE_STYLES: Record<ParagraphBlock["role"], string | undefined> = {
  plain: undefined,
  lead: STYLE.lead,
  note: STYLE.note,
  // Said in words; the note style sets it apart from the text around it.
  alert: STYLE.note,
};

function paragraphBlock(ctx: DocxContext, block: ParagraphBlock): BodyChild[] {
  return [new Paragraph({ style: ROLE_STYLES[block.role], children: inlineRuns(ctx, block.content) })];
}

function headingBlock(_ctx: DocxContext, block: HeadingBlock): BodyChild[] {
  return [new Paragraph({ heading: headingLevelOf(block.level), children: textRuns(block.text) })];
}

function markdownBlock(ctx: DocxContext, block: MarkdownBlock): BodyChild[] {
  return markdownParagraphs(ctx, block.source, block.headingShift);
}

/** Term and value on one line, the term in bold, values lined up by a hanging indent. */
function factsBlock(ctx: DocxContext, block: FactsBlock): BodyChild[] {
  return block.items.map(
    (fact, i) =>
      new Paragraph({
        style: STYLE.fact,
        // The list ends with the space of a paragraph, so what follows does not run into it.
        spacing: i === block.items.length - 1 ? { after: 160 } : undefined,
        tabStops: [{ type: "left", position: 2000 }],
        children: [...textRuns(fact.term, { bold: true }), ...textRuns("\t"), ...inlineRuns(ctx, fact.value)],
      }),
  );
}

function listBlock(ctx: DocxContext, block: ListBlock): BodyChild[] {
  return listItems(ctx, block, 0);
}

/**
 * A block's children an item at a time for a list (an element's list of the evidence it cites
 * has an item per item: hundreds at 30,000 items), else all at once: the same children in the
 * same order as docxBlocks, so a long list can be written in several pieces.
 */
export function* blockChildren(ctx: DocxContext, block: Block): Generator<BodyChild[]> {
  if (block.type !== "list") {
    yield docxBlocks(ctx, [block]);
    return;
  }
  for (const item of block.items) yield listItems(ctx, { ...block, items: [item] }, 0);
}

/** A bulleted list: each item's first paragraph carries the bullet, the rest line up under it. */
function listItems(ctx: DocxContext, block: ListBlock, depth: number): BodyChild[] {
  return block.items.flatMap((item) =>
    item.flatMap((b, i): BodyChild[] => {
      const place: ListPlace = { ordered: false, depth, instance: 0, start: 1, continued: i > 0 };
      switch (b.type) {
        case "paragraph":
          return [listParagraph(place, inlineRuns(ctx, b.content), ROLE_STYLES[b.role])];
        case "markdown":
          return markdownParagraphs(ctx, b.source, b.headingShift, place);
        case "list":
          return listItems(ctx, b, depth + 1);
        default:
          return docxBlocks(ctx, [b]);
      }
    }),
  );
}

function tableBlock(ctx: DocxContext, block: TableBlock): BodyChild[] {
  return [tableCaption(block), docxTable(ctx, block)];
}

/** The caption above a table. */
export function tableCaption(block: TableBlock): Paragraph {
  return new Paragraph({ style: STYLE.caption, children: textRuns(block.caption) });
}

function chartBlock(ctx: DocxContext, block: ChartBlock): BodyChild[] {
  return chartParagraphs(ctx, block);
}

/** A service standard's trend: its title and its text alternative, which gives every figure in words. */
function trendBlock(_ctx: DocxContext, block: TrendBlock): BodyChild[] {
  return [
    new Paragraph({ children: textRuns(block.title, { bold: true }), keepNext: true }),
    new Paragraph({ children: textRuns(block.description, {}) }),
  ];
}
