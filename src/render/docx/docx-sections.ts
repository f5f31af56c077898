import { Bookmark, Paragraph, TableOfContents } from "docx";
import type { ContentsEntry, Cover, PackDocument, Section } from "../../pack/document-model.js";
import { blockChildren, docxBlocks, tableCaption, type BodyChild, type BodyPiece } from "./docx-blocks.js";
import type { DocxContext } from "./docx-context.js";
import { internalLink, textRuns } from "./docx-inlines.js";
import { headingLevelOf } from "./docx-markdown.js";
import { STYLE } from "./docx-styles.js";
import { isLongTable, tablePieces } from "./docx-table.js";

/**
 * The body: the cover, the table of contents, then every section in reading order, made a piece
 * at a time (a section's heading and blocks, then each sub-section's), so a large pack's body is
 * never held whole.
 */
export function* docxBody(ctx: DocxContext, doc: PackDocument): Generator<BodyPiece> {
  yield coverParagraphs(ctx, doc.cover);
  yield contents(ctx, doc.contents);
  for (const section of doc.sections) yield* sectionPieces(ctx, section);
}

function coverParagraphs(ctx: DocxContext, cover: Cover): BodyChild[] {
  const out: BodyChild[] = [
    new Paragraph({ style: STYLE.coverOrganisation, children: textRuns(cover.organisation) }),
    new Paragraph({ style: "Title", children: textRuns(cover.title) }),
    new Paragraph({ style: STYLE.subtitle, children: textRuns(cover.subtitle) }),
  ];
  if (cover.notice)
    out.push(new Paragraph({ style: STYLE.notice, children: textRuns(`Note: ${cover.notice}`) }));
  out.push(...docxBlocks(ctx, [{ type: "facts", items: cover.facts }]));
  return out;
}

/**
 * A table of contents field over Headings 1–2 that Word and LibreOffice update (Word asks to on
 * opening), filled in beforehand with the pack's contents as links, so it reads right even
 * before it is updated.
 */
function contents(ctx: DocxContext, entries: readonly ContentsEntry[]): BodyChild[] {
  // The entries go in paragraphs of their own, after the field's start: LibreOffice shows the
  // field's code as text when a link shares the paragraph that starts the field.
  const cached = flatten(entries, 1).map(
    ({ entry, level }) =>
      new Paragraph({
        style: `TOC${level}`,
        children: [internalLink(ctx, entry.anchor, textRuns(entry.title, {}, true))],
      }),
  );
  return [
    new Paragraph({ style: "TOCHeading", pageBreakBefore: true, children: textRuns("Contents") }),
    new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "1-2", contentChildren: cached }),
  ];
}

function flatten(
  entries: readonly ContentsEntry[],
  level: number,
): { entry: ContentsEntry; level: number }[] {
  return entries.flatMap((entry) => [{ entry, level }, ...flatten(entry.children, level + 1)]);
}

/** About this many children of a long section are made and written at a time. */
const CHILDREN_PER_PIECE = 100;

/**
 * A section: its heading (a built-in Heading style, bookmarked with its anchor), blocks, sub-sections;
 * a long table (the evidence index) in parts of its own.
 */
function* sectionPieces(ctx: DocxContext, section: Section): Generator<BodyPiece> {
  let children: BodyChild[] = [
    new Paragraph({
      heading: headingLevelOf(section.level),
      children: [new Bookmark({ id: ctx.bookmark(section.anchor), children: textRuns(section.title) })],
    }),
  ];
  for (const block of section.blocks) {
    if (block.type === "table" && isLongTable(block)) {
      children.push(tableCaption(block));
      yield children;
      children = [];
      yield* tablePieces(ctx, block);
    } else {
      // A section of thousands of blocks, or a list of every item, goes in parts too.
      for (const made of blockChildren(ctx, block)) {
        children.push(...made);
        if (children.length >= CHILDREN_PER_PIECE) {
          yield children;
          children = [];
        }
      }
    }
  }
  if (children.length > 0) yield children;
  for (const child of section.children) yield* sectionPieces(ctx, child);
}
