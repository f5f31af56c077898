import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { Nesting } from "markdown-it/lib/token.mjs";
import type { Abbreviation, Mention } from "./document-model.js";
import { langBlockRule, langSpanRule } from "./markdown-lang.js";
import { markAbbreviationTokens } from "./markdown-abbr.js";
import { BRITISH_QUOTES, dashesRule } from "./markdown-typography.js";

export type { Token };

/** How a Markdown field is rendered. */
export interface MarkdownOptions {
  /** Added to every heading's rank (clamped to 1..6) so it nests under its section. */
  headingShift?: number;
  /** Ids that become links to their anchor where the text mentions them. */
  mentions?: readonly Mention[];
  /** Terms whose first use is marked as an abbreviation with its expansion. */
  abbreviations?: readonly Abbreviation[];
}

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/**
 * The one Markdown parser of cse (FORMAT.md): CommonMark with raw HTML shown as text, no
 * automatic linking of bare URLs, no images (an image would be a network request in a
 * self-contained pack) and links only to http, https and mailto targets. A link with any other
 * target (javascript:, data:, a relative path) stays text. Typographic quotes, British style,
 * and dashes (markdown-typography.ts) are set in text, never in code spans, blocks or links.
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt("commonmark", {
    html: false,
    linkify: false,
    typographer: true,
    quotes: BRITISH_QUOTES,
  });
  md.disable("image");
  md.enable("smartquotes");
  md.core.ruler.after("smartquotes", "cse_dashes", dashesRule);
  // FORMAT.md v2 language of parts: `[text]{lang=cy}` and `::: {lang=cy}` … `:::`.
  md.block.ruler.before("fence", "cse_lang_block", langBlockRule, {
    alt: ["paragraph", "blockquote", "list"],
  });
  md.inline.ruler.before("link", "cse_lang_span", langSpanRule);
  // markdown-it normalises the URL before asking; the check runs on what it would emit.
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  md.core.ruler.push("cse_heading_shift", (state) => {
    const shift = (state.env as Env).headingShift ?? 0;
    if (shift === 0) return;
    for (const t of state.tokens) {
      if (t.type === "heading_open" || t.type === "heading_close") {
        t.tag = `h${Math.min(6, Math.max(1, Number(t.tag.slice(1)) + shift))}`;
      }
    }
  });
  md.core.ruler.push("cse_mentions", (state) => {
    const pattern = mentionPattern((state.env as Env).mentions ?? []);
    if (!pattern) return;
    for (const block of state.tokens) {
      if (block.type === "inline" && block.children)
        block.children = linkMentions(block.children, pattern, state.Token);
    }
  });
  md.core.ruler.push("cse_abbreviations", (state) => {
    const abbreviations = (state.env as Env).abbreviations ?? [];
    if (abbreviations.length > 0) markAbbreviationTokens(state.tokens, abbreviations, state.Token);
  });
  return md;
}

interface Env {
  headingShift?: number;
  mentions?: readonly Mention[];
  abbreviations?: readonly Abbreviation[];
}

let shared: MarkdownIt | null = null;
function parser(): MarkdownIt {
  return (shared ??= createMarkdown());
}

/**
 * Parses Markdown into markdown-it's block tokens (inline content in each `inline` token's
 * `children`), for renderers that lay text out themselves (the PDF). Heading tags are already
 * shifted; mentions of ids are `link_open` tokens whose `href` is `#<anchor>` (an internal link);
 * every other `link_open` has an http, https or mailto `href`.
 */
export function markdownTokens(source: string, options: MarkdownOptions = {}): Token[] {
  return parser().parse(source, envOf(options));
}

/** Renders Markdown to an HTML fragment; everything from the source is escaped. */
export function renderMarkdownHtml(source: string, options: MarkdownOptions = {}): string {
  const md = parser();
  return md.renderer.render(md.parse(source, envOf(options)), md.options, {});
}

function envOf(o: MarkdownOptions): Env {
  return {
    headingShift: o.headingShift ?? 0,
    mentions: o.mentions ?? [],
    abbreviations: o.abbreviations ?? [],
  };
}

const anchorMaps = new WeakMap<readonly Mention[], Map<string, string> | null>();

// A candidate id: a run of id characters, dots only between letters or digits (so "E001." at the
// end of a sentence is "E001"); it is linked only when it is a known id as a whole, so "1.2.3" is
// not linked inside "1.2.30", "v1.2.3" or "E0011". One pass with a map beats a regex of every id.
const CANDIDATE = /(?<![\p{L}\p{N}_.-])[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9]))*(?![\p{L}\p{N}])/gu;

function mentionPattern(mentions: readonly Mention[]): { re: RegExp; anchors: Map<string, string> } | null {
  let anchors = anchorMaps.get(mentions);
  if (anchors === undefined) {
    anchors = mentions.length > 0 ? new Map(mentions.map((m) => [m.text, m.anchor])) : null;
    anchorMaps.set(mentions, anchors);
  }
  return anchors ? { re: CANDIDATE, anchors } : null;
}

type TokenClass = new (type: string, tag: string, nesting: Nesting) => Token;

/** Splits text tokens (outside links) so each mention becomes a link to its anchor. */
function linkMentions(
  children: Token[],
  p: { re: RegExp; anchors: Map<string, string> },
  T: TokenClass,
): Token[] {
  const out: Token[] = [];
  let inLink = 0;
  for (const t of children) {
    if (t.type === "link_open") inLink++;
    if (t.type === "link_close") inLink--;
    if (t.type !== "text" || inLink > 0) {
      out.push(t);
      continue;
    }
    let last = 0;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(t.content); m; m = p.re.exec(t.content)) {
      if (!p.anchors.has(m[0])) continue;
      if (m.index > last) out.push(textToken(T, t.content.slice(last, m.index)));
      const open = new T("link_open", "a", 1);
      open.attrs = [["href", `#${p.anchors.get(m[0])!}`]];
      open.markup = "cse-mention";
      out.push(open, textToken(T, m[0]), new T("link_close", "a", -1));
      last = m.index + m[0].length;
    }
    if (last === 0) out.push(t);
    else if (last < t.content.length) out.push(textToken(T, t.content.slice(last)));
  }
  return out;
}

function textToken(T: TokenClass, content: string): Token {
  const t = new T("text", "", 0);
  t.content = content;
  return t;
}
