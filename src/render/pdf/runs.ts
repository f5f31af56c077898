import type { Inline } from "../../pack/document-model.js";
import type { Token } from "../../pack/markdown.js";
import { textFaceHas, type TextStyle } from "./fonts.js";
import { BADGE_SYMBOLS } from "../../pack/rating-badge.js";

/** Where a run of text links to: a named destination, a web address, or a file embedded in the PDF. */
export type RunLink =
  { kind: "dest"; anchor: string } | { kind: "url"; href: string } | { kind: "file"; path: string };

/** A span of text tagged on its own: another language (/Lang) or an abbreviation (/E). */
export interface RunSpan {
  lang?: string;
  expansion?: string;
}

/** A piece of text in one style: the unit the line breaker works with. */
export interface Run {
  /** The text; "\n" forces a line break. */
  text: string;
  /** How it is set. */
  style: TextStyle;
  /** The link it belongs to, if any. */
  link: RunLink | null;
  /** The tagged span it belongs to, if any (compared by identity). */
  span?: RunSpan | null;
  /**
   * What is drawn, when it is not `text`: a page number, whose `text` is its stand-in (zeros).
   * Lines are broken by the stand-in's width and set with the number's own, so they break where
   * they did in the pass that numbered the pages (InlineRefs.pageStandIn).
   */
  shown?: string;
}

/** What inline content needs from the layout: page numbers, and which files the PDF carries. */
export interface InlineRefs {
  /** The page (1-based, as printed) where an anchor starts, as text; "" while unknown. */
  pageOf(anchor: string): string;
  /**
   * What the lines are broken as if each page number were (zeros, as many digits as the longest
   * number can have), while the numbers themselves are set; omitted, they are broken as set.
   */
  pageStandIn?: string;
  /** Whether a file (root-relative path) is embedded, so a citation can open it. */
  embedded(path: string): boolean;
  /**
   * In a pack split into volumes: the volume (its number and file) holding an anchor that is not
   * in this file, else null. Its links open that file; its page is not known here.
   */
  volumeOf?(anchor: string): { number: number; file: string } | null;
}

/**
 * Runs of the model's inline content; `base` is the style of plain text (bold in headers);
 * `refs` gives citations and page references their page numbers and attached files.
 */
export function runsFromInline(
  content: readonly Inline[],
  base: TextStyle = "regular",
  refs?: InlineRefs,
): Run[] {
  return content.flatMap((i): Run[] => {
    switch (i.type) {
      case "text":
        return [{ text: i.text, style: i.strong ? boldOf(base) : base, link: null }];
      case "ref":
        return [{ text: i.text, style: base, link: { kind: "dest", anchor: i.anchor } }];
      case "link":
        return [{ text: i.text, style: base, link: { kind: "url", href: i.href } }];
      case "code":
        return [{ text: i.text, style: "code", link: null }];
      case "cite": {
        const link: RunLink = { kind: "dest", anchor: i.anchor };
        const volume = refs?.volumeOf?.(i.anchor) ?? null;
        const page = volume ? "" : (refs?.pageOf(i.anchor) ?? "");
        const where: Run[] = volume
          ? [{ text: `, in volume\u00a0${volume.number}`, style: base, link: null }]
          : page
            ? [{ text: ", p.\u00a0", style: base, link: null }, pageRun(page, base, null, refs)]
            : [];
        const file = i.attachment !== null && refs?.embedded(i.attachment) ? i.attachment : null;
        return [
          { text: i.id, style: boldOf(base), link },
          { text: ` ${i.title}`, style: base, link },
          ...where,
          ...(file
            ? [{ text: " (open the file)", style: base, link: { kind: "file" as const, path: file } }]
            : []),
        ];
      }
      case "abbr":
        return [{ text: i.text, style: base, link: null, span: { expansion: i.expansion } }];
      case "badge":
        return [{ text: `${BADGE_SYMBOLS[i.shape]} ${i.text}`, style: base, link: null }];
      case "page": {
        const volume = refs?.volumeOf?.(i.anchor) ?? null;
        const link: RunLink = { kind: "dest", anchor: i.anchor };
        if (volume) return [{ text: `vol.\u00a0${volume.number}`, style: base, link }];
        const page = refs?.pageOf(i.anchor) ?? "";
        return page ? [pageRun(page, base, link, refs)] : [];
      }
    }
  });
}

/**
 * Runs of a markdown-it inline token's children. Mentions (`link_open` with `#anchor`) become
 * links to named destinations; other links keep their http, https or mailto target.
 */
export function runsFromMarkdown(children: readonly Token[], base: TextStyle = "regular"): Run[] {
  const runs: Run[] = [];
  let strong = base === "bold" || base === "boldItalic" ? 1 : 0;
  let em = base === "italic" || base === "boldItalic" ? 1 : 0;
  const links: (RunLink | null)[] = [];
  const spans: RunSpan[] = [];
  const span = () => spans[spans.length - 1] ?? null;
  const style = (): TextStyle =>
    strong > 0 ? (em > 0 ? "boldItalic" : "bold") : em > 0 ? "italic" : "regular";
  const link = () => links[links.length - 1] ?? null;
  for (const t of children) {
    switch (t.type) {
      case "strong_open":
        strong++;
        break;
      case "strong_close":
        strong--;
        break;
      case "em_open":
        em++;
        break;
      case "em_close":
        em--;
        break;
      case "link_open": {
        const href = t.attrGet("href") ?? "";
        links.push(href.startsWith("#") ? { kind: "dest", anchor: href.slice(1) } : { kind: "url", href });
        break;
      }
      case "link_close":
        links.pop();
        break;
      case "cse_lang_span_open":
        spans.push({ ...span(), lang: t.attrGet("lang") ?? undefined });
        break;
      case "abbr_open":
        spans.push({ ...span(), expansion: t.attrGet("title") ?? undefined });
        break;
      case "cse_lang_span_close":
      case "abbr_close":
        spans.pop();
        break;
      case "softbreak":
        runs.push({ text: " ", style: style(), link: link(), span: span() });
        break;
      case "hardbreak":
        runs.push({ text: "\n", style: style(), link: null });
        break;
      case "code_inline":
        runs.push({ text: t.content, style: "code", link: link(), span: span() });
        break;
      default:
        // text, text_special, html_inline (shown as text): anything else carries its content.
        if (t.content) runs.push({ text: t.content, style: style(), link: link(), span: span() });
    }
  }
  return runs;
}

/** A page number as a run: measured as the stand-in `refs` give, if any, and set as it is. */
function pageRun(page: string, style: TextStyle, link: RunLink | null, refs: InlineRefs | undefined): Run {
  const standIn = refs?.pageStandIn;
  return standIn === undefined ? { text: page, style, link } : { text: standIn, shown: page, style, link };
}

function boldOf(style: TextStyle): TextStyle {
  return style === "italic" ? "boldItalic" : style === "code" ? "code" : "bold";
}

/** The plain text of runs (for alternative text and tests). */
export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.shown ?? r.text).join("");
}

/**
 * The runs with every character the text face lacks (★, ●, ◐, ○, arrows) moved into a run of
 * its own in the symbol face, keeping its link and span. Code keeps its fixed-width face.
 */
export function withFallback(runs: readonly Run[], has: (codePoint: number) => boolean = textFaceHas): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.style === "code" || run.style === "symbol" || run.shown !== undefined) {
      out.push(run);
      continue;
    }
    // Code points are looked at in place; a run the text face sets whole is kept as it is.
    const text = run.text;
    let start = 0;
    let inSymbol = false;
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i)!;
      const symbol = !has(cp);
      if (symbol !== inSymbol) {
        if (i > start)
          out.push({ ...run, text: text.slice(start, i), style: inSymbol ? "symbol" : run.style });
        start = i;
        inSymbol = symbol;
      }
      i += cp > 0xffff ? 2 : 1;
    }
    if (start === 0 && !inSymbol) {
      if (text.length > 0) out.push(run);
    } else if (start < text.length)
      out.push({ ...run, text: text.slice(start), style: inSymbol ? "symbol" : run.style });
  }
  return out;
}
