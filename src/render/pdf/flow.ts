import { BODY, COLOUR, PAGE, TEXT_WIDTH } from "./theme.js";
import { measure, type TextStyle, useFont } from "./fonts.js";
import { breakLines, type Line } from "./line-breaker.js";
import {
  type Rect,
  linkToDestination,
  linkToUrl,
  struct,
  type StructElement,
  type StructOptions,
} from "./pdfkit-extras.js";
import type { InlineRefs, Run, RunLink } from "./runs.js";

/** A horizontal slot for content: left edge and width, in points. */
export interface Box {
  x: number;
  width: number;
}

/** How a run of lines is set. */
export interface TextSetting {
  /** Font size of plain text (code is set a little smaller). */
  size: number;
  /** Line height as a multiple of the size. */
  leading?: number;
  /** Colour of plain text. */
  color?: string;
  /** Alignment inside the box. */
  align?: "start" | "end";
}

/** The structure element that owns drawn text, and the tag its marked content carries. */
export interface Owner {
  el: StructElement;
  tag: string;
}

/** The body's full-width box. */
export const BODY_BOX: Box = { x: PAGE.left, width: TEXT_WIDTH };

const CODE_SCALE = 0.9;
// DejaVu's ascender and descender as fractions of the size: the line's ink box is centred in it.
const ASCENT = 0.928;
const INK = 1.164;

/**
 * The cursor that lays content down the pages: the current page and `y`, page breaks, named
 * destinations, and text set line by line as tagged content. Pages are not kept: each is written
 * out when the next begins, its running head drawn just before (`onPageEnd`).
 */
export class Flow {
  y: number = PAGE.top;
  /** Page index (0-based) of every named destination. */
  readonly anchors = new Map<string, number>();
  /** The short title of the top-level section each page belongs to (for the footer). */
  readonly pageSection: string[] = [""];
  /** The top-level section being laid out. */
  section = "";
  /** Page numbers of anchors (from an earlier layout pass) and the files embedded, for citations. */
  refs: InlineRefs = { pageOf: () => "", embedded: () => false };
  /** A layout pass whose pages are thrown away (only its anchors are kept): text is placed, not drawn. */
  dry = false;
  /** Adds a file-attachment annotation opening an embedded file; set when files are embedded. */
  openFile: ((path: string, rect: Rect, label: string, el: StructElement) => void) | null = null;
  /** Called on a page just before the next one begins (the running head and page number). */
  onPageEnd: ((page: number) => void) | null = null;
  private empty = true;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  /** Index of the current page, 0-based. */
  get page(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** The highest `y` content starts at on a page. */
  get pageTop(): number {
    return PAGE.top;
  }

  /** The lowest `y` content may reach on a page. */
  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }

  /** Starts a new page, unless the current one is still empty (never leaves a blank page behind). */
  newPage(force = false): void {
    if (this.empty && !force) return;
    this.onPageEnd?.(this.page);
    this.doc.addPage();
    this.y = PAGE.top;
    this.empty = true;
    this.pageSection[this.page] = this.section;
  }

  /** Moves to a new page unless `height` more points fit below the cursor. */
  need(height: number): void {
    if (this.y + height > this.bottom + 0.01 && !this.empty) this.newPage();
  }

  /** Vertical space between blocks; none at the top of a page. */
  gap(height: number): void {
    if (!this.empty) this.y += height;
  }

  /** Marks the page as holding content (so the next `newPage` is not skipped). */
  touch(): void {
    this.empty = false;
  }

  /** Names the current position so links, the outline and the contents can jump to it. */
  destination(anchor: string, y = this.y): void {
    this.doc.addNamedDestination(anchor, "XYZ", null, Math.max(0, y - 6), null);
    this.anchors.set(anchor, this.page);
  }

  /** A structure element added to `parent`. */
  struct(parent: StructElement, type: string, options: StructOptions = {}): StructElement {
    const el = struct(this.doc, type, options);
    parent.add(el);
    return el;
  }

  /** Draws decoration (rules, backgrounds, running heads) as an artifact, outside the structure. */
  artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Width of text in a style at a plain-text size. */
  measure(text: string, style: TextStyle, size: number): number {
    return measure(this.doc, text, style, sizeOf(style, size));
  }

  /** Breaks runs into lines for a box. */
  lines(runs: readonly Run[], width: number, size: number): Line[] {
    return breakLines(runs, width, (t, s) => this.measure(t, s, size));
  }

  /**
   * Sets runs as one structure element of `type` (P, H1, ...) added to `parent`, breaking pages
   * between lines; keeps at least two lines together. Returns the element (already ended).
   */
  paragraph(
    runs: readonly Run[],
    box: Box,
    setting: TextSetting,
    parent: StructElement,
    type = "P",
    options: StructOptions = {},
  ): StructElement {
    const lines = this.lines(runs, box.width, setting.size);
    const lh = lineHeight(setting);
    const el = this.struct(parent, type, options);
    this.need(lh * Math.min(lines.length, 2));
    for (const line of lines) {
      this.need(lh);
      this.drawLine(line, box, this.y, setting, { el, tag: type });
      this.y += lh;
    }
    el.end();
    return el;
  }

  /**
   * Draws one line with its top at `y`, without moving the cursor: plain text as marked content
   * of `owner`, each link as a Link element with its annotation. With no owner the caller has
   * an artifact open (a repeated table header).
   */
  drawLine(line: Line, box: Box, y: number, setting: TextSetting, owner: Owner | null): void {
    if (this.dry) {
      this.touch();
      return;
    }
    const doc = this.doc;
    const lh = lineHeight(setting);
    const baseline = y + (lh - INK * setting.size) / 2 + ASCENT * setting.size;
    const x0 = box.x + (setting.align === "end" ? Math.max(0, box.width - line.width) : 0);
    const frags = line.fragments;
    for (let i = 0; i < frags.length;) {
      let j = i + 1;
      while (j < frags.length && frags[j]!.link === frags[i]!.link && frags[j]!.span === frags[i]!.span) j++;
      const group = frags.slice(i, j);
      const link = group[0]!.link;
      const span = group[0]!.span;
      // Another language or an abbreviation is a Span of its own, carrying /Lang or /E.
      const spanEl =
        span && owner ? this.struct(owner.el, "Span", { lang: span.lang, expanded: span.expansion }) : null;
      // A link to an embedded file is an annotation of its own kind: an Annot element, not a Link.
      const linkTag = link?.kind === "file" ? "Annot" : "Link";
      const linkEl = link && owner ? this.struct(spanEl ?? owner.el, linkTag) : null;
      if (owner) {
        const content = doc.markStructureContent(linkEl ? linkTag : spanEl ? "Span" : owner.tag);
        (linkEl ?? spanEl ?? owner.el).add(content);
      }
      for (const f of group) {
        const { oblique } = useFont(doc, f.style, sizeOf(f.style, setting.size));
        doc.fillColor(link ? COLOUR.link : (setting.color ?? COLOUR.text));
        doc.text(f.text, x0 + f.x, baseline, {
          lineBreak: false,
          baseline: "alphabetic",
          oblique: oblique ? 11 : false,
        } as PDFKit.Mixins.TextOptions);
      }
      const start = x0 + group[0]!.x;
      const end = x0 + group[group.length - 1]!.x + group[group.length - 1]!.width;
      if (link) {
        doc
          .save()
          .moveTo(start, baseline + 1.6)
          .lineTo(end, baseline + 1.6)
          .lineWidth(0.5)
          .strokeColor(COLOUR.link)
          .stroke()
          .restore();
      }
      if (owner) doc.endMarkedContent();
      if (link && linkEl) {
        annotate(
          this,
          link,
          { x: start, y, w: end - start, h: lh },
          group.map((f) => f.text).join(""),
          linkEl,
        );
        linkEl.end();
      }
      spanEl?.end();
      i = j;
    }
    this.touch();
  }
}

/** Line height of a setting, in points. */
export function lineHeight(setting: TextSetting): number {
  return setting.size * (setting.leading ?? BODY.leading);
}

function sizeOf(style: TextStyle, size: number): number {
  return style === "code" ? size * CODE_SCALE : size;
}

function annotate(flow: Flow, link: RunLink, rect: Rect, text: string, el: StructElement): void {
  const doc = flow.doc;
  if (link.kind === "file") flow.openFile?.(link.path, rect, `Open the attached file ${link.path}`, el);
  else if (link.kind === "dest") linkToDestination(doc, rect, link.anchor, `Go to ${text}`, el);
  else linkToUrl(doc, rect, link.href, text === link.href ? text : `${text} (${link.href})`, el);
}
