import { BADGE_SYMBOLS } from "../../pack/rating-badge.js";
import { ExternalHyperlink, InternalHyperlink, TextRun, type ParagraphChild } from "docx";
import type { Inline } from "../../pack/document-model.js";
import type { DocxContext } from "./docx-context.js";
import { STYLE } from "./docx-styles.js";
import { FONT } from "./docx-theme.js";

/** How a run is set, beyond its text. */
export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  /** A language other than the document's (a `{lang=cy}` span): written as the run's `w:lang`. */
  language?: string;
}

/** Runs of text, one per line: a line break inside the text becomes a Word line break. */
export function textRuns(text: string, style: RunStyle = {}, link = false): TextRun[] {
  return text.split("\n").map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i === 0 ? undefined : 1,
        bold: style.bold || undefined,
        italics: style.italics || undefined,
        style: link ? "Hyperlink" : style.code ? STYLE.codeChar : undefined,
        // A link keeps the Hyperlink style; code inside one still gets the fixed-width face.
        font: link && style.code ? FONT.code : undefined,
        language: style.language ? { value: style.language } : undefined,
      }),
  );
}

/** A link to a bookmark in the document. */
export function internalLink(ctx: DocxContext, anchor: string, runs: TextRun[]): ParagraphChild {
  return new InternalHyperlink({ anchor: ctx.bookmark(anchor), children: runs });
}

/** A link to a web page or mail address. */
export function externalLink(href: string, runs: TextRun[]): ParagraphChild {
  return new ExternalHyperlink({ link: href, children: runs });
}

/** The document model's inline content as Word runs and hyperlinks. */
export function inlineRuns(
  ctx: DocxContext,
  content: readonly Inline[],
  base: RunStyle = {},
): ParagraphChild[] {
  return content.flatMap((inline): ParagraphChild[] => {
    switch (inline.type) {
      case "text":
        return textRuns(inline.text, { ...base, bold: base.bold || inline.strong });
      case "ref":
        return [internalLink(ctx, inline.anchor, textRuns(inline.text, base, true))];
      case "link":
        return [externalLink(inline.href, textRuns(inline.text, base, true))];
      case "code":
        return textRuns(inline.text, { ...base, code: true });
      case "cite":
        return [
          internalLink(ctx, inline.anchor, [
            ...textRuns(inline.id, { ...base, bold: true }, true),
            ...textRuns(` ${inline.title}`, base, true),
          ]),
        ];
      case "abbr":
        return textRuns(inline.text, base);
      case "badge":
        return textRuns(`${BADGE_SYMBOLS[inline.shape]} ${inline.text}`, base);
      case "page":
        // Word numbers its own pages: a page reference would need a PAGEREF field; the link does the work.
        return [];
    }
  });
}
