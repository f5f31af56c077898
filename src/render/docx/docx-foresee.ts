import type { Block, ContentsEntry, Inline, PackDocument, Section } from "../../pack/document-model.js";
import { markdownTokens, type Token } from "../../pack/markdown.js";
import type { DocxContext } from "./docx-context.js";
import { closeOf } from "./docx-markdown.js";

/**
 * What writing the Word body needs to know before the body is made, read from the document model
 * without making it: the first number of every numbered list (added to `ctx.listStarts`; the
 * numbering definitions are the document's, made before the body is written) and how many links
 * to bookmarks the body makes (each draws random numbers as it is made: see packDocx). It walks
 * the model as docxBody, docxBlocks and markdownParagraphs do, tokenising the Markdown but making
 * no paragraphs or runs; packDocx checks its answer against the body it writes.
 */
export function foreseeBody(ctx: DocxContext, doc: PackDocument): number {
  const walk = walker(ctx);
  let links = walk.blocks([{ type: "facts", items: doc.cover.facts }]) + entriesIn(doc.contents);
  const sections = (list: readonly Section[]) => {
    for (const section of list) {
      links += walk.blocks(section.blocks);
      sections(section.children);
    }
  };
  sections(doc.sections);
  return links;
}

/** The contents' entries, each a link (docx-sections.ts, contents). */
function entriesIn(entries: readonly ContentsEntry[]): number {
  return entries.reduce((n, entry) => n + 1 + entriesIn(entry.children), 0);
}

function walker(ctx: DocxContext) {
  /** docxBlocks: the links of each kind of block. */
  const blocks = (list: readonly Block[]): number => {
    let links = 0;
    for (const block of list) {
      switch (block.type) {
        case "paragraph":
          links += inlines(block.content);
          break;
        case "markdown":
          links += markdown(block.source, block.headingShift);
          break;
        case "facts":
          for (const fact of block.items) links += inlines(fact.value);
          break;
        case "list":
          links += listItems(block.items);
          break;
        case "table":
          // Only the cells of the table's columns are written (docx-table.ts).
          for (const row of block.rows)
            for (let i = 0; i < block.columns.length; i++) links += inlines(row[i] ?? []);
          break;
        case "heading":
        case "chart":
        case "trend":
          break;
      }
    }
    return links;
  };

  /** docx-blocks.ts, listItems. */
  const listItems = (items: readonly Block[][]): number => {
    let links = 0;
    for (const item of items)
      for (const b of item) {
        if (b.type === "paragraph") links += inlines(b.content);
        else if (b.type === "markdown") links += markdown(b.source, b.headingShift);
        else if (b.type === "list") links += listItems(b.items);
        else links += blocks([b]);
      }
    return links;
  };

  /** docx-markdown.ts, markdownParagraphs. */
  const markdown = (source: string, headingShift: number): number => {
    const tokens = markdownTokens(source, { headingShift, mentions: ctx.mentions });
    return markdownBlocks(ctx, tokens, 0, tokens.length);
  };

  return { blocks };
}

/** The links of the cite and ref inlines (docx-inlines.ts, inlineRuns). */
function inlines(content: readonly Inline[]): number {
  let links = 0;
  for (const inline of content) if (inline.type === "ref" || inline.type === "cite") links++;
  return links;
}

/** docx-markdown.ts, blocks and list: the blocks it writes, and their numbered lists' first numbers. */
function markdownBlocks(ctx: DocxContext, tokens: readonly Token[], from: number, to: number): number {
  let links = 0;
  for (let i = from; i < to;) {
    const t = tokens[i]!;
    const end = closeOf(tokens, i);
    switch (t.type) {
      case "paragraph_open":
      case "heading_open":
        links += inlineLinks(tokens[i + 1]?.children ?? []);
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        if (t.type === "ordered_list_open") ctx.listStarts.add(Number(t.attrGet("start") ?? 1));
        for (let j = i + 1; j < end;) {
          const itemEnd = closeOf(tokens, j);
          if (tokens[j]!.type === "list_item_open") links += markdownBlocks(ctx, tokens, j + 1, itemEnd);
          j = itemEnd + 1;
        }
        break;
      case "blockquote_open":
        links += markdownBlocks(ctx, tokens, i + 1, end);
        break;
      default:
        if (t.nesting === 1 && t.attrGet("lang")) links += markdownBlocks(ctx, tokens, i + 1, end);
    }
    i = end + 1;
  }
  return links;
}

/** docx-markdown.ts, inlineChildren: a link is made at its close, to a bookmark when `#…`. */
function inlineLinks(children: readonly Token[]): number {
  let links = 0;
  let href: string | null = null;
  for (const t of children) {
    if (t.type === "link_open") href = t.attrGet("href") ?? "";
    else if (t.type === "link_close") {
      if (href?.startsWith("#")) links++;
      href = null;
    }
  }
  return links;
}
