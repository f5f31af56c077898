import { HeadingLevel, Paragraph, type HeadingLevelValue, type ParagraphChild, type TextRun } from "docx";
import { markdownTokens, type Token } from "../../pack/markdown.js";
import type { DocxContext } from "./docx-context.js";
import { externalLink, internalLink, textRuns, type RunStyle } from "./docx-inlines.js";
import { listParagraph, type ListPlace } from "./docx-lists.js";
import { STYLE } from "./docx-styles.js";

/** Word's heading levels by rank: the pack's rank 2 (a top-level section) is Heading 1. */
export function headingLevelOf(rank: number): HeadingLevelValue {
  const levels = [
    HeadingLevel.HEADING_1,
    HeadingLevel.HEADING_2,
    HeadingLevel.HEADING_3,
    HeadingLevel.HEADING_4,
    HeadingLevel.HEADING_5,
    HeadingLevel.HEADING_6,
  ];
  return levels[Math.min(levels.length, Math.max(1, rank - 1)) - 1]!;
}

/** Where paragraphs go: a paragraph style (a quote) and the list item they belong to. */
interface Place {
  style?: string;
  list?: ListPlace;
  /** The language of a `::: {lang=cy}` block the paragraphs are in. */
  language?: string;
}

/**
 * Markdown from the submission as Word paragraphs, walking the shared parser's tokens (as the
 * PDF does): paragraphs, headings, bullet and numbered lists, quotes, code and rules. Mentions of
 * ids arrive as `#anchor` links and become links to bookmarks.
 */
export function markdownParagraphs(
  ctx: DocxContext,
  source: string,
  headingShift: number,
  list?: ListPlace,
): Paragraph[] {
  const tokens = markdownTokens(source, { headingShift, mentions: ctx.mentions });
  return blocks(ctx, tokens, 0, tokens.length, { list });
}

function blocks(
  ctx: DocxContext,
  tokens: readonly Token[],
  from: number,
  to: number,
  place: Place,
): Paragraph[] {
  const out: Paragraph[] = [];
  for (let i = from; i < to;) {
    const t = tokens[i]!;
    const end = closeOf(tokens, i);
    switch (t.type) {
      case "paragraph_open":
        out.push(
          paragraph(place, inlineChildren(ctx, tokens[i + 1]?.children ?? [], langOf(t) ?? place.language)),
        );
        break;
      case "heading_open":
        out.push(
          new Paragraph({
            heading: headingLevelOf(Number(t.tag.slice(1))),
            children: inlineChildren(ctx, tokens[i + 1]?.children ?? [], langOf(t) ?? place.language),
          }),
        );
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        out.push(...list(ctx, tokens, i, end, place));
        break;
      case "blockquote_open":
        out.push(...blocks(ctx, tokens, i + 1, end, { ...place, style: STYLE.quote }));
        break;
      case "code_block":
      case "fence":
        out.push(...codeLines(t.content, place));
        break;
      case "hr":
        out.push(new Paragraph({ thematicBreak: true, children: [] }));
        break;
      default:
        // Raw HTML never occurs (it is text); a block cse does not know is left out whole.
        if (t.nesting === 1 && langOf(t))
          out.push(...blocks(ctx, tokens, i + 1, end, { ...place, language: langOf(t) }));
    }
    i = end + 1;
  }
  return out;
}

/** A paragraph in its place: the first of a list item carries the bullet, later ones line up under it. */
function paragraph(place: Place, children: ParagraphChild[]): Paragraph {
  if (place.list) {
    const p = listParagraph(place.list, children, place.style);
    place.list = { ...place.list, continued: true };
    return p;
  }
  return new Paragraph({ style: place.style, children });
}

function list(
  ctx: DocxContext,
  tokens: readonly Token[],
  open: number,
  end: number,
  place: Place,
): Paragraph[] {
  const t = tokens[open]!;
  const ordered = t.type === "ordered_list_open";
  const depth = place.list ? place.list.depth + 1 : 0;
  const instance = ordered ? ctx.nextListInstance() : 0;
  const start = Number(t.attrGet("start") ?? 1);
  if (ordered) ctx.listStarts.add(start);
  const out: Paragraph[] = [];
  for (let i = open + 1; i < end;) {
    const itemEnd = closeOf(tokens, i);
    if (tokens[i]!.type === "list_item_open") {
      const item: Place = { style: place.style, list: { ordered, depth, instance, start, continued: false } };
      out.push(...blocks(ctx, tokens, i + 1, itemEnd, item));
    }
    i = itemEnd + 1;
  }
  return out;
}

function codeLines(content: string, place: Place): Paragraph[] {
  return content
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => paragraph({ ...place, style: STYLE.code }, textRuns(line.replace(/\t/g, "    "))));
}

/** The inline tokens of a paragraph or heading as runs and hyperlinks. */
function inlineChildren(ctx: DocxContext, children: readonly Token[], language?: string): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const style: RunStyle = { language };
  const languages: (string | undefined)[] = [];
  let link: { href: string; runs: TextRun[] } | null = null;
  const push = (runs: TextRun[]) => (link ? link.runs.push(...runs) : out.push(...runs));
  for (const t of children) {
    switch (t.type) {
      case "text":
        push(textRuns(t.content, style, link !== null));
        break;
      case "code_inline":
        push(textRuns(t.content, { ...style, code: true }, link !== null));
        break;
      case "softbreak":
        push(textRuns(" ", style));
        break;
      case "hardbreak":
        push(textRuns("\n", style));
        break;
      case "strong_open":
      case "strong_close":
        style.bold = t.nesting === 1;
        break;
      case "em_open":
      case "em_close":
        style.italics = t.nesting === 1;
        break;
      case "link_open":
        link = { href: t.attrGet("href") ?? "", runs: [] };
        break;
      case "link_close":
        if (link) out.push(linkOf(ctx, link.href, link.runs));
        link = null;
        break;
      default:
        // A language span (`[Croeso]{lang=cy}`) arrives as an open and close token with `lang`.
        if (t.nesting === 1) {
          languages.push(style.language);
          style.language = langOf(t) ?? style.language;
        } else if (t.nesting === -1) style.language = languages.pop() ?? language;
    }
  }
  return out;
}

function linkOf(ctx: DocxContext, href: string, runs: TextRun[]): ParagraphChild {
  return href.startsWith("#") ? internalLink(ctx, href.slice(1), runs) : externalLink(href, runs);
}

function langOf(t: Token): string | undefined {
  return t.attrGet("lang") ?? undefined;
}

/** Index of the token closing the one opened at `open` (same nesting level); `open` itself for a leaf. */
export function closeOf(tokens: readonly Token[], open: number): number {
  const t = tokens[open]!;
  if (t.nesting !== 1) return open;
  for (let j = open + 1; j < tokens.length; j++) {
    if (tokens[j]!.nesting === -1 && tokens[j]!.level === t.level) return j;
  }
  return tokens.length - 1;
}
