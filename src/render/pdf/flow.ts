import { BODY, COLOUR, PAGE, TEXT_WIDTH } from "./theme.js";
import { measure, type TextStyle, useFont } from "./fonts.js";
import { breakLines, type Line } from "./line-breaker.js";
import {
  type Rect,
  linkToDestination,
  linkToOtherFile,
  linkToUrl,
  struct,
  type StructElement,
  type StructOptions,
} from "./pdfkit-extras.js";
import { setColouredText } from "./set-text.js";
import { type InlineRefs, type Run, type RunLink, withFallback } from "./runs.js";
import { AS_DESIGNED, fitTail, linesHere, sameFit, type TailFit, TIGHTEN, type UnitRecord } from "./keep.js";

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

/** One step of laying out the body; `startsUnit` marks the step that starts a page-starting unit. */
export interface LayoutStep {
  run: () => void;
  startsUnit?: boolean;
}

/** What a step that will not run again is replaced with in `layOutSteps`. */
const SPENT_STEP: LayoutStep = { run: () => undefined };

/** Thrown by `endUnit` in a settling pass: the unit is laid out again with a new fit. */
class Refit extends Error {}
const REFIT = new Refit("a unit to lay out again");
/** How often a unit is laid out again in one pass at most (the fits settle in two or three). */
const MAX_REFITS = 4;

/** The Flow's state where a unit starts, after its page break: what laying it out again starts from. */
interface UnitStart {
  /** The step after the one that started the unit. */
  resume: number;
  y: number;
  page: number;
  empty: boolean;
  section: string;
  pending: { height: number; draw: () => void }[];
  key: string;
  label: string;
  refits: number;
}

/** The body's full-width box. */
export const BODY_BOX: Box = { x: PAGE.left, width: TEXT_WIDTH };

const CODE_SCALE = 0.9;
// Noto Sans's ascender and descender (hhea: 1069 and 293 per 1000) as fractions of the size:
// the line's ink box is centred in it.
const ASCENT = 1.069;
const INK = 1.362;

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
  /**
   * How each page-starting unit is fitted to its pages (keep.ts `fitTail`), by key, from an
   * earlier pass; a settling pass adds to it the fits it finds.
   */
  plan = new Map<string, TailFit>();
  /**
   * A dry pass that settles each unit's fit as it goes: a unit found with a short tail at its end
   * is laid out again from its start with the new fit (`layOutSteps`), until its fit holds.
   */
  settle = false;
  /** What this pass found of each page-starting unit, by key (for the next pass's plan). */
  readonly units = new Map<string, UnitRecord>();
  /** A flow on a scratch document with no page foot, for measuring blocks (see `heightOf`). */
  measurer: (() => Flow) | null = null;
  /** Called on a page just before the next one begins (the running head and page number). */
  onPageEnd: ((page: number) => void) | null = null;
  private empty = true;
  private pageIndex = 0;
  /** Content held back to go on the page of what follows it (a heading), in order. */
  private pending: { height: number; draw: () => void }[] = [];
  private tight = 0;
  private unit: { key: string; label: string; first: number; fit: TailFit; record: UnitRecord } | null = null;
  private scratch: Flow | null = null;
  /** Where the current unit started, in a settling pass, and the anchors named since. */
  private unitStart: UnitStart | null = null;
  private anchorsSince: string[] = [];
  private measuring = false;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  /** Index of the current page, 0-based (the document starts with the cover page). */
  get page(): number {
    return this.pageIndex;
  }

  /** The highest `y` content starts at on a page. */
  get pageTop(): number {
    return PAGE.top;
  }

  /** The lowest `y` content may reach on a page (none when measuring). */
  get bottom(): number {
    if (this.measuring) return Infinity;
    const unit = this.unit;
    const shorten = unit && this.page === unit.first + unit.fit.page ? unit.fit.shorten : 0;
    return PAGE.height - PAGE.bottom - shorten;
  }

  /**
   * Starts a new page, unless the current one is still empty (never leaves a blank page behind).
   * Content held back for what follows goes with it to the new page. A page that continues a
   * unit says so in its footer ("Criterion 3 · Element 3.2.1, continued").
   */
  newPage(force = false): void {
    if (this.empty && !force) return;
    if (this.measuring) return;
    // The page's running head and foot are drawn as it ends; what is held back for the next
    // page (a heading) must not be set by them on this one.
    const held = this.pending;
    this.pending = [];
    this.onPageEnd?.(this.page);
    this.pending = held;
    this.doc.addPage();
    this.pageIndex++;
    this.y = PAGE.top;
    this.empty = true;
    const unit = this.unit;
    const continued = unit && this.page > unit.first ? `${unit.label}, continued` : "";
    this.pageSection[this.page] =
      continued && unit!.label !== this.section
        ? `${this.section} \u00b7 ${continued}`
        : continued || this.section;
  }

  /**
   * Starts a page-starting unit (an element, a case study, a top-level section) on a new page:
   * records the one before for the next pass's plan, and sets this one as tightly as the plan says.
   */
  startUnit(key: string, label: string, breakPage = true): void {
    this.flush();
    this.endUnit();
    if (breakPage) this.newPage();
    const fit = this.plan.get(key) ?? AS_DESIGNED;
    this.tight = fit.tight;
    this.unit = {
      key,
      label,
      first: this.page,
      fit,
      record: { pages: 1, lastPageUsed: 0, lines: 0, gaps: 0 },
    };
  }

  /**
   * Runs layout steps in order. In a settling pass, where a unit ends (the next starts, or the
   * steps are done) and `fitTail` finds it a new fit, the Flow goes back to where the unit
   * started and its steps run again with that fit: every unit starts a page, so no unit before it
   * moves, and the fits settle in one pass instead of a pass each.
   *
   * A step that can no longer run again is let go of as the layout goes on (its place in `steps`
   * emptied), and with it what only it holds: a section's structure element, once ended, and the
   * closures themselves, tens of thousands in a large pack, no longer kept to the end of the pass.
   * In a settling pass that is every step before the current unit's start; otherwise each step
   * once it has run.
   */
  layOutSteps(steps: LayoutStep[]): void {
    let i = 0;
    let kept = 0;
    for (;;) {
      try {
        for (; i < steps.length; i++) {
          const step = steps[i]!;
          step.run();
          if (step.startsUnit && this.settle) {
            this.markUnitStart(i + 1);
            for (; kept <= i; kept++) steps[kept] = SPENT_STEP;
          } else if (!this.settle) steps[i] = SPENT_STEP;
        }
        this.endUnit();
        this.unitStart = null;
        return;
      } catch (err) {
        if (err !== REFIT) throw err;
        i = this.backToUnitStart();
      }
    }
  }

  private markUnitStart(resume: number): void {
    const unit = this.unit;
    if (!unit) return;
    this.unitStart = {
      resume,
      y: this.y,
      page: this.page,
      empty: this.empty,
      section: this.section,
      pending: [...this.pending],
      key: unit.key,
      label: unit.label,
      refits: 0,
    };
    this.anchorsSince = [];
  }

  /** Puts the Flow back where the current unit started, with the fit the plan now has for it. */
  private backToUnitStart(): number {
    const start = this.unitStart!;
    start.refits++;
    for (const anchor of this.anchorsSince) this.anchors.delete(anchor);
    this.anchorsSince = [];
    this.y = start.y;
    this.pageIndex = start.page;
    this.pageSection.length = start.page + 1;
    this.empty = start.empty;
    this.section = start.section;
    this.pending = [...start.pending];
    const fit = this.plan.get(start.key) ?? AS_DESIGNED;
    this.tight = fit.tight;
    this.unit = {
      key: start.key,
      label: start.label,
      first: start.page,
      fit,
      record: { pages: 1, lastPageUsed: 0, lines: 0, gaps: 0 },
    };
    return start.resume;
  }

  /** Records the unit being laid out (at the end of the layout, or when the next one starts). */
  endUnit(): void {
    const unit = this.unit;
    if (!unit) return;
    unit.record.pages = this.page - unit.first + 1;
    unit.record.lastPageUsed = this.empty ? 0 : this.y - this.pageTop;
    this.units.set(unit.key, unit.record);
    const start = this.unitStart;
    if (this.settle && start?.key === unit.key && start.refits < MAX_REFITS) {
      const fit = fitTail(unit.record, unit.fit, lineHeight({ size: BODY.size }));
      if (!sameFit(fit, unit.fit)) {
        this.plan.set(unit.key, fit);
        throw REFIT;
      }
    }
    this.unit = null;
    this.tight = 0;
  }

  /** Moves to a new page unless `height` more points (after what is held back) fit below the cursor. */
  need(height: number): void {
    if (this.y + this.pendingHeight() + height > this.bottom + 0.01 && !this.empty) this.newPage();
    this.flush();
  }

  /**
   * Holds content of `height` back (a heading) until what follows asks for room with `need`: it
   * then goes on whichever page the first lines of what follows go on, so no page ends with it.
   * `draw` sets it at the cursor and moves the cursor past it.
   */
  keepWithNext(height: number, draw: () => void): void {
    this.pending.push({ height, draw });
  }

  /** Sets whatever is held back, where the cursor is. */
  flush(): void {
    const held = this.pending;
    if (held.length === 0) return;
    this.pending = [];
    for (const h of held) h.draw();
  }

  private pendingHeight(): number {
    return this.pending.reduce((n, h) => n + h.height, 0);
  }

  /** Vertical space between blocks; none at the top of a page. A unit set tighter has less. */
  gap(height: number): void {
    const space = height * (1 - TIGHTEN.gaps * this.tight);
    if (this.pending.length > 0) {
      this.pending.push({ height: space, draw: () => this.gap(height) });
      return;
    }
    if (this.empty) return;
    this.y += space;
    if (this.unit) this.unit.record.gaps += height;
  }

  /** Line height of a setting in the unit being laid out (a little less when it is set tighter). */
  lineHeight(setting: TextSetting): number {
    return lineHeight(setting) * (1 - TIGHTEN.leading * this.tight);
  }

  /**
   * The height `render` takes when laid out on a page with no foot: a list item with its note,
   * measured before it is set so it can be kept whole. Nothing is drawn on this document.
   */
  heightOf(render: (flow: Flow, parent: StructElement) => void): number {
    if (!this.measurer) return 0;
    const m = (this.scratch ??= this.measurer());
    m.measuring = true;
    m.dry = true;
    m.refs = this.refs;
    m.y = 0;
    m.empty = false;
    m.pending = [];
    render(m, m.struct(struct(m.doc, "Div"), "Div"));
    m.flush();
    return m.y;
  }

  /** Marks the page as holding content (so the next `newPage` is not skipped). */
  touch(): void {
    this.empty = false;
  }

  /** Names the current position so links, the outline and the contents can jump to it. */
  destination(anchor: string, y = this.y): void {
    this.doc.addNamedDestination(anchor, "XYZ", null, Math.max(0, y - 6), null);
    this.anchors.set(anchor, this.page);
    if (this.unitStart) this.anchorsSince.push(anchor);
  }

  /** A structure element added to `parent`. */
  struct(parent: StructElement, type: string, options: StructOptions = {}): StructElement {
    const el = struct(this.doc, type, options);
    parent.add(el);
    return el;
  }

  /** Draws decoration (rules, backgrounds, running heads) as an artifact, outside the structure. */
  artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
    this.flush();
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Width of text in a style at a plain-text size. */
  measure(text: string, style: TextStyle, size: number): number {
    return measure(text, style, sizeOf(style, size));
  }

  /** Breaks runs into lines for a box. */
  lines(runs: readonly Run[], width: number, size: number): Line[] {
    return breakLines(withFallback(runs), width, (t, s) => this.measure(t, s, size));
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
    const el = this.struct(parent, type, options);
    this.setLines(lines, box, setting, { el, tag: type });
    el.end();
    return el;
  }

  /**
   * Sets lines down the pages as content of `owner`, breaking between them where the widow and
   * orphan rules (keep.ts `linesHere`) allow.
   */
  setLines(lines: readonly Line[], box: Box, setting: TextSetting, owner: Owner): void {
    const lh = this.lineHeight(setting);
    for (let i = 0; i < lines.length;) {
      const room = (this.bottom - this.y - this.pendingHeight()) / lh;
      const n = linesHere(lines.length - i, room, this.empty);
      if (n === 0) {
        this.newPage();
        continue;
      }
      this.flush();
      for (const line of lines.slice(i, i + n)) {
        this.drawLine(line, box, this.y, setting, owner);
        this.y += lh;
      }
      if (this.unit) this.unit.record.lines += n * lineHeight(setting);
      i += n;
      if (i < lines.length) this.newPage();
    }
  }

  /**
   * Draws one line with its top at `y`, without moving the cursor: plain text as marked content
   * of `owner`, each link as a Link element with its annotation. With no owner the caller has
   * an artifact open (a repeated table header).
   */
  drawLine(line: Line, box: Box, y: number, setting: TextSetting, owner: Owner | null): void {
    this.flush();
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
      const colour = link ? COLOUR.link : (setting.color ?? COLOUR.text);
      for (const f of group) {
        useFont(doc, f.style, sizeOf(f.style, setting.size));
        // The width is known: pdfkit measures a fragment for links and underlines it draws
        // itself (none here), so it is handed over rather than measured again.
        setColouredText(doc, f.text, x0 + f.x, baseline, f.width, colour);
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
  else if (link.kind === "dest") {
    // In a pack split into volumes, an anchor in another volume opens that file at it.
    const other = flow.refs.volumeOf?.(link.anchor) ?? null;
    if (other)
      linkToOtherFile(doc, rect, other.file, link.anchor, `Go to ${text}, in volume ${other.number}`, el);
    else linkToDestination(doc, rect, link.anchor, `Go to ${text}`, el);
  } else linkToUrl(doc, rect, link.href, text === link.href ? text : `${text} (${link.href})`, el);
}
