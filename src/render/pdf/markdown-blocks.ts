import { markdownTokens, type MarkdownOptions, type Token } from "../../pack/markdown.js";
import type { Box, Flow } from "./flow.js";
import { heading } from "./headings.js";
import { renderList } from "./lists.js";
import type { StructElement } from "./pdfkit-extras.js";
import { plainText, runsFromMarkdown } from "./runs.js";
import { BLOCK_GAP, BODY, COLOUR } from "./theme.js";

/**
 * Lays out Markdown from the submission, walking markdown-it's block tokens (the shared parser
 * in src/pack/markdown.ts): paragraphs, headings, bullet and numbered lists, block quotes,
 * code blocks and rules. Mentions of ids arrive as links to their anchors.
 */
export function renderMarkdown(
  flow: Flow,
  source: string,
  options: MarkdownOptions,
  box: Box,
  parent: StructElement,
  color: string = COLOUR.text,
): void {
  const tokens = parsed(source, options);
  renderTokens(flow, tokens, 0, tokens.length, box, parent, 0, color);
}

/**
 * The Markdown sources of a pack parsed lately, by the mentions of its model (each pack's, or
 * each volume's, its own), the most recently laid out kept up to PARSED_CHARS characters of
 * source. A source is laid out about twice in each layout pass (a list item with a note is
 * measured, then set; some text is shown in two places), and a small pack's every source is
 * kept from the dry pass to the drawing: the 300-item pack lays out 711 sources 3,073 times.
 * A larger pack keeps only the latest, so its time per item stays that of a small one's beyond
 * it (issue 22's growth target). markdown-it's tokens are only read by what lays them out.
 */
const PARSED = new WeakMap<object, { chars: number; sources: Map<string, ParsedSource> }>();
// About 16 MB of tokens (600,000 characters of generated item text, parsed and held): enough for
// every source of a pack of a few hundred items (the 300-item pack's 711 sources are 548,000
// characters), and for what a larger one lays out twice in a row.
const PARSED_CHARS = 600_000;
const NO_MENTIONS: readonly [] = [];

interface ParsedSource {
  abbreviations: MarkdownOptions["abbreviations"];
  tokens: Token[];
  chars: number;
}

function parsed(source: string, options: MarkdownOptions): Token[] {
  const mentions = options.mentions ?? NO_MENTIONS;
  let cache = PARSED.get(mentions);
  if (cache === undefined) PARSED.set(mentions, (cache = { chars: 0, sources: new Map() }));
  const { sources } = cache;
  const key = `${options.headingShift ?? 0}:${source}`;
  const known = sources.get(key);
  if (known !== undefined && known.abbreviations === options.abbreviations) {
    sources.delete(key); // the latest used goes last
    sources.set(key, known);
    return known.tokens;
  }
  const tokens = markdownTokens(source, options);
  if (known === undefined && source.length <= PARSED_CHARS) {
    sources.set(key, { abbreviations: options.abbreviations, tokens, chars: source.length });
    cache.chars += source.length;
    for (const [oldest, entry] of sources) {
      if (cache.chars <= PARSED_CHARS) break;
      sources.delete(oldest);
      cache.chars -= entry.chars;
    }
  }
  return tokens;
}

function renderTokens(
  flow: Flow,
  tokens: readonly Token[],
  from: number,
  to: number,
  box: Box,
  parent: StructElement,
  depth: number,
  color: string,
): void {
  let first = true;
  const gap = () => {
    if (!first) flow.gap(BLOCK_GAP * 0.8);
    first = false;
  };
  for (let i = from; i < to;) {
    const t = tokens[i]!;
    switch (t.type) {
      case "paragraph_open": {
        gap();
        const inline = tokens[i + 1]!;
        flow.paragraph(runsFromMarkdown(inline.children ?? []), box, { size: BODY.size, color }, parent);
        i = closeOf(tokens, i) + 1;
        break;
      }
      case "heading_open": {
        gap();
        const inline = tokens[i + 1]!;
        heading(
          flow,
          plainText(runsFromMarkdown(inline.children ?? [])),
          Number(t.tag.slice(1)),
          box,
          parent,
        );
        i = closeOf(tokens, i) + 1;
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open": {
        gap();
        const end = closeOf(tokens, i);
        const items = itemRanges(tokens, i + 1, end).map(
          ([a, b]) =>
            (inner: Box, body: StructElement) =>
              renderTokens(flow, tokens, a, b, inner, body, depth + 1, color),
        );
        const start = Number(t.attrGet("start") ?? 1);
        renderList(flow, items, { ordered: t.type === "ordered_list_open", start, depth }, box, parent);
        i = end + 1;
        break;
      }
      case "blockquote_open": {
        gap();
        const end = closeOf(tokens, i);
        const quote = flow.struct(parent, "BlockQuote");
        renderTokens(flow, tokens, i + 1, end, { x: box.x + 14, width: box.width - 14 }, quote, depth, color);
        quote.end();
        i = end + 1;
        break;
      }
      case "cse_lang_block_open": {
        // A passage in another language: a Div whose /Lang its blocks inherit.
        const end = closeOf(tokens, i);
        const div = flow.struct(parent, "Div", { lang: t.attrGet("lang") ?? undefined });
        gap();
        renderTokens(flow, tokens, i + 1, end, box, div, depth, color);
        div.end();
        i = end + 1;
        break;
      }
      case "code_block":
      case "fence":
        gap();
        codeBlock(flow, t.content, box, parent);
        i++;
        break;
      case "hr":
        gap();
        flow.need(10);
        flow.artifact(() =>
          flow.doc
            .moveTo(box.x, flow.y + 5)
            .lineTo(box.x + box.width, flow.y + 5)
            .lineWidth(0.6)
            .strokeColor(COLOUR.rule)
            .stroke(),
        );
        flow.y += 10;
        i++;
        break;
      default:
        // html_block never occurs (raw HTML is text); anything unknown is skipped whole.
        i = t.nesting === 1 ? closeOf(tokens, i) + 1 : i + 1;
    }
  }
}

/** Index of the token closing the one opened at `open` (same nesting level). */
function closeOf(tokens: readonly Token[], open: number): number {
  const t = tokens[open]!;
  if (t.nesting !== 1) return open;
  const type = t.type.replace(/_open$/, "_close");
  for (let j = open + 1; j < tokens.length; j++) {
    if (tokens[j]!.type === type && tokens[j]!.level === t.level) return j;
  }
  return tokens.length - 1;
}

/** [from, to) token ranges of the items of a list, without their open and close tokens. */
function itemRanges(tokens: readonly Token[], from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = from; i < to;) {
    if (tokens[i]!.type !== "list_item_open") {
      i++;
      continue;
    }
    const end = closeOf(tokens, i);
    ranges.push([i + 1, end]);
    i = end + 1;
  }
  return ranges;
}

/**
 * Preformatted text in the fixed-width font, each source line broken only where it must be,
 * broken across pages by the same widow and orphan rules as a paragraph.
 */
function codeBlock(flow: Flow, content: string, box: Box, parent: StructElement): void {
  const setting = { size: 9.2, leading: 1.35, color: COLOUR.text };
  const el = flow.struct(parent, "P");
  const sourceLines = content.replace(/\n$/, "").split("\n");
  const lines = sourceLines.flatMap((source) =>
    flow.lines(
      [
        {
          text: source.replace(/\t/g, "    ").replace(/ /g, "\u00a0") || "\u00a0",
          style: "code",
          link: null,
        },
      ],
      box.width - 8,
      setting.size,
    ),
  );
  flow.setLines(lines, { x: box.x + 8, width: box.width - 8 }, setting, { el, tag: "P" });
  el.end();
}
