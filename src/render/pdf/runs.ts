import type { Inline } from "../../pack/document-model.js";
import type { Token } from "../../pack/markdown.js";
import type { TextStyle } from "./fonts.js";

/** Where a run of text links to: a named destination in the document, or a web address. */
export type RunLink = { kind: "dest"; anchor: string } | { kind: "url"; href: string };

/** A piece of text in one style: the unit the line breaker works with. */
export interface Run {
  /** The text; "\n" forces a line break. */
  text: string;
  /** How it is set. */
  style: TextStyle;
  /** The link it belongs to, if any. */
  link: RunLink | null;
}

/** Runs of the model's inline content; `base` is the style of plain text (bold in headers). */
export function runsFromInline(content: readonly Inline[], base: TextStyle = "regular"): Run[] {
  return content.map((i): Run => {
    switch (i.type) {
      case "text":
        return { text: i.text, style: i.strong ? boldOf(base) : base, link: null };
      case "ref":
        return { text: i.text, style: base, link: { kind: "dest", anchor: i.anchor } };
      case "link":
        return { text: i.text, style: base, link: { kind: "url", href: i.href } };
      case "code":
        return { text: i.text, style: "code", link: null };
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
      case "softbreak":
        runs.push({ text: " ", style: style(), link: link() });
        break;
      case "hardbreak":
        runs.push({ text: "\n", style: style(), link: null });
        break;
      case "code_inline":
        runs.push({ text: t.content, style: "code", link: link() });
        break;
      default:
        // text, text_special, html_inline (shown as text): anything else carries its content.
        if (t.content) runs.push({ text: t.content, style: style(), link: link() });
    }
  }
  return runs;
}

function boldOf(style: TextStyle): TextStyle {
  return style === "italic" ? "boldItalic" : style === "code" ? "code" : "bold";
}

/** The plain text of runs (for alternative text and tests). */
export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join("");
}
