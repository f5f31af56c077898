import { randomBytes } from "node:crypto";
import Handlebars from "handlebars";
import type {
  ChartBlock,
  MarkdownBlock,
  Mention,
  PackDocument,
  TableBlock,
  TableColumn,
  TrendBlock,
} from "../../pack/document-model.js";
import { formatDate } from "../../pack/inline.js";
import { BADGE_SYMBOLS } from "../../pack/rating-badge.js";
import { renderMarkdownHtml } from "../../pack/markdown.js";
import { chartLayout } from "./chart-layout.js";
import { activeElementScanner, findActiveElement, withContentSecurityPolicy } from "./page-safety.js";
import { tableLayout } from "./table-fit.js";
import { limitTemplateWork, TemplateBudgetError, templateBudget } from "./template-budget.js";
import { trendLayout } from "./trend-layout.js";
import { linkAcrossVolumes } from "./volume-links.js";
import type { TemplateSet } from "./template-set.js";
import { compiledBefore, compileTemplate, withoutLastLineBreak } from "./compiled-templates.js";
import type { SectionMemo, WrittenSection } from "./section-memo.js";

/** A template that cannot be parsed or run; names the file when it is known. */
export class TemplateError extends Error {
  constructor(
    message: string,
    /** The template's file name, or null when the failure cannot be pinned to one. */
    readonly file: string | null,
  ) {
    super(message);
    this.name = "TemplateError";
  }
}

/** How the HTML pack is rendered. */
export interface HtmlOptions {
  /**
   * Link each attachment's name to the file at its root-relative path: for the zip bundle, whose
   * index.html sits at the top of the unzipped folder with the attachments at their paths.
   */
  attachmentLinks?: boolean;
  /** `cse preview`: sections whose model is unchanged since the last page are not rendered again. */
  sectionMemo?: SectionMemo;
  /**
   * With sectionMemo (renderHtmlTo): where the page goes encoded as UTF-8, after its first piece
   * (the head, given to `write` as text). A section written in an earlier page is written again
   * as the bytes it was, not put together, checked and encoded again.
   */
  writeEncoded?: (chunks: readonly Uint8Array[]) => void;
}

/**
 * Renders the pack as one self-contained HTML page: layout.hbs with every other *.hbs as a
 * partial and styles.css inlined. Every value from the document is escaped by Handlebars; the
 * only markup not written by a template comes from the Markdown renderer (raw HTML off).
 */
export function renderHtml(doc: PackDocument, templates: TemplateSet, options: HtmlOptions = {}): string {
  // renderHtmlTo with the sections' texts kept in memory and the pieces joined.
  const texts: string[] = [];
  const store: SectionStore = { put: (text) => texts.push(text) - 1, get: (id) => texts[id]! };
  const pieces: string[] = [];
  renderHtmlTo(doc, templates, store, (piece) => pieces.push(piece), options);
  return pieces.join("");
}

/**
 * Where renderHtmlTo keeps each section's text while the page is put together: a section is
 * rendered before the section holding it, so the page is only known whole at the end. The
 * command keeps them in a temporary file, so that memory holds one section at a time.
 */
export interface SectionStore {
  /** Keeps a section's text; returns the number to get it back by. */
  put(text: string): number;
  /** The text kept under a number. */
  get(id: number): string;
}

/**
 * The page of renderHtml, written out in order through `write` as it is put together, with the
 * same text: each section (the `section` partial, at every level) is rendered on its own and
 * kept in `store`, with a token in its place in the text of what holds it; the page is then
 * written by following the tokens. The page is checked as it goes (a refused element throws a
 * TemplateError, after some of the page was written: write to a temporary). Memory holds the
 * page's frame and one section at a time, not the page: at 30,000 items over 100 MB, twice.
 */
export function renderHtmlTo(
  doc: PackDocument,
  templates: TemplateSet,
  store: SectionStore,
  write: (text: string) => void,
  options: HtmlOptions = {},
): void {
  // `cse preview`: the memo is the store too, and keeps sections' texts from page to page.
  const sectionMemo = options.sectionMemo;
  if (sectionMemo) store = sectionMemo;
  const { hb, layout, css, cssToken } = setUp(doc, templates, options);
  const section = hb.partials.section as ((context: unknown, options: unknown) => string) | undefined;
  const token = sectionMemo?.token ?? `<!--cse-section-${randomBytes(12).toString("hex")}-`;
  const live = new Set<number>();
  if (section)
    hb.registerPartial("section", (context: unknown, options: unknown) => {
      const text = linkAcrossVolumes(section(context, options), doc);
      return `${token}${stored(() => store.put(text))}-->`;
    });
  const frame = linkAcrossVolumes(applyLayout(hb, layout, doc, cssToken, options), doc);
  const scanner = activeElementScanner();
  // `cse preview`: after the head, the page is encoded here, and what each section wrote is
  // kept (the bytes written while it was expanded: `captures` holds the sections being written).
  const writeEncoded = sectionMemo ? options.writeEncoded : undefined;
  let headWritten = false;
  const captures: WrittenSection[] = [];
  const out = pageWriter(css, cssToken, (text) => {
    if (writeEncoded === undefined || !headWritten) {
      headWritten = true;
      return write(text);
    }
    if (text === "") return;
    const chunk = Buffer.from(text, "utf8");
    for (const capture of captures) capture.chunks.push(chunk);
    writeEncoded([chunk]);
  });
  // Checked and written in batches of about CHUNK characters, not a piece at a time: the scanner
  // reads a few KB again at each piece's start.
  let batch: string[] = [];
  let batched = 0;
  const flush = (): void => {
    if (batch.length === 0) return;
    const text = batch.join("");
    batch = [];
    batched = 0;
    const active = scanner.push(text);
    if (active !== null)
      throw new TemplateError(activeElementMessage(`${overriddenNames(templates)} write`, active), null);
    out.add(text);
  };
  const emit = (text: string): void => {
    batch.push(text);
    batched += text.length;
    if (batched >= CHUNK) flush();
  };
  const expand = (text: string): void => {
    let from = 0;
    for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, from)) {
      emit(text.slice(from, at));
      const close = text.indexOf("-->", at);
      const id = Number(text.slice(at + token.length, close));
      live.add(id);
      for (const capture of captures) capture.ids.push(id);
      if (writeEncoded !== undefined && headWritten && sectionMemo) {
        // A section's text starts `<section` and ends `</section>` (built-in templates: the memo
        // keeps nothing with others), so no refused element lies across its edges and the
        // stylesheet's token is not in it: what it wrote in an earlier page, checked then, is
        // what it writes now. The page before it is written out first.
        flush();
        out.release();
        const kept = sectionMemo.written(id);
        if (kept !== undefined) {
          for (const held of kept.ids) live.add(held);
          for (const capture of captures) {
            for (const chunk of kept.chunks) capture.chunks.push(chunk);
            for (const held of kept.ids) capture.ids.push(held);
          }
          writeEncoded(kept.chunks);
        } else {
          const capture: WrittenSection = { chunks: [], ids: [] };
          captures.push(capture);
          expand(stored(() => store.get(id)));
          flush();
          out.release();
          captures.pop();
          sectionMemo.keepWritten(id, capture);
        }
      } else expand(stored(() => store.get(id)));
      from = close + 3;
    }
    emit(text.slice(from));
  };
  expand(frame);
  flush();
  const active = scanner.end();
  if (active !== null)
    throw new TemplateError(activeElementMessage(`${overriddenNames(templates)} write`, active), null);
  out.end();
  sectionMemo?.finishPage(live);
}

const CHUNK = 1 << 18;

/** A failure of the section store (the disk), carried through Handlebars untouched. */
class StoreError extends Error {
  constructor(readonly original: unknown) {
    super("the section store failed");
  }
}

function stored<T>(use: () => T): T {
  try {
    return use();
  } catch (err) {
    throw new StoreError(err);
  }
}

/**
 * Writes the page's text as it is put together: the policy in the head (the text
 * before the first stylesheet token is held until the token comes), the stylesheet at each token.
 */
export function pageWriter(css: string, cssToken: string, write: (text: string) => void) {
  let head: string[] | null = [];
  let tail = "";
  // Where `text` is cut (not before `from`): before its last characters that could begin a
  // token, or after a whole token that would otherwise be cut.
  const holdFrom = (text: string, from: number): number => {
    const keep = cssToken.length - 1;
    let hold = Math.max(from, text.length - keep);
    const at = text.indexOf(cssToken, Math.max(from, hold - keep));
    if (at >= 0 && at < hold) hold = at + cssToken.length;
    return hold;
  };
  const put = (text: string): void => {
    let from = 0;
    for (let at = text.indexOf(cssToken); at >= 0; at = text.indexOf(cssToken, from)) {
      if (head) {
        write(withContentSecurityPolicy(head.join("") + text.slice(from, at)));
        head = null;
      } else write(text.slice(from, at));
      write(css);
      from = at + cssToken.length;
    }
    const rest = text.slice(from);
    if (head) head.push(rest);
    else if (rest) write(rest);
  };
  return {
    // A token may come in two pieces: the last few characters wait for the next text (never
    // cutting a whole token in two). A long text is not copied onto the tail: the seam (the tail
    // and the text's first characters) is put on its own, then the rest of the text.
    add(text: string): void {
      const keep = cssToken.length - 1;
      if (text.length <= keep) {
        const joined = tail + text;
        const hold = holdFrom(joined, 0);
        put(joined.slice(0, hold));
        tail = joined.slice(hold);
        return;
      }
      // A token starting in the tail lies wholly within the seam.
      const seam = tail + text.slice(0, keep);
      const at = seam.indexOf(cssToken);
      let from = 0;
      if (at >= 0 && at < tail.length) {
        put(seam.slice(0, at + cssToken.length));
        from = at + cssToken.length - tail.length;
      } else put(tail);
      const hold = holdFrom(text, from);
      put(text.slice(from, hold));
      tail = text.slice(hold);
    },
    end(): void {
      put(tail);
      tail = "";
      if (head) write(withContentSecurityPolicy(head.join("")));
    },
    /**
     * Writes out the characters held for the next text, once the head is written: for a page
     * whose next text cannot end a stylesheet token begun in them (`cse preview`, at a section's
     * edge, where the text goes on with `<section` or follows `</section>`).
     */
    release(): void {
      if (head || tail === "") return;
      put(tail);
      tail = "";
    },
  };
}

/** A Handlebars instance with the pack's helpers and the templates as partials, counted. */
function setUp(doc: PackDocument, templates: TemplateSet, options: HtmlOptions) {
  const hb = Handlebars.create();
  const counters = { charts: 0, trends: 0 };
  hb.registerHelper({
    eq: (a: unknown, b: unknown) => a === b,
    and: (a: unknown, b: unknown) => Boolean(a) && Boolean(b),
    hTag: (level: unknown) => `h${Math.min(6, Math.max(1, Math.trunc(Number(level)) || 6))}`,
    cellClass: (columns: TableColumn[] | undefined, index: number) => {
      const c = columns?.[index];
      return `${c?.align === "end" ? "end" : "start"}${c?.nowrap === true ? " nowrap" : ""}`;
    },
    widthOf: (columns: TableColumn[] | undefined, index: number) => {
      // Columns only paged output shows (page numbers) take no share of the HTML table.
      const shown = (columns ?? []).filter((c) => c.paged !== true);
      const total = shown.reduce((n, c) => n + (Number(c.width) || 0), 0);
      return total > 0 ? Math.round((1000 * (Number(columns?.[index]?.width) || 0)) / total) / 10 : 0;
    },
    pagedColumn: (columns: TableColumn[] | undefined, index: number) => columns?.[index]?.paged === true,
    columnLabel: (columns: TableColumn[] | undefined, index: number) => String(columns?.[index]?.label ?? ""),
    tableLayout: (table: TableBlock | undefined) =>
      Array.isArray(table?.columns) && Array.isArray(table?.rows) ? tableLayout(table) : "",
    badgeSymbol: (shape: unknown) => BADGE_SYMBOLS[shape as keyof typeof BADGE_SYMBOLS] ?? "",
    formatDate: (d: unknown) => formatDate(typeof d === "string" ? d : null, doc.language),
    fileHref: (file: unknown) => String(file).split("/").map(encodeURIComponent).join("/"),
    chartLayout: (chart: ChartBlock) => chartLayout(chart, counters.charts++),
    trendLayout: (trend: TrendBlock) => trendLayout(trend, counters.trends++),
    markdown: (block: MarkdownBlock, options: Handlebars.HelperOptions) => {
      const mentions = (options.data?.root as { mentions?: Mention[] } | undefined)?.mentions ?? [];
      return new hb.SafeString(
        renderMarkdownHtml(String(block?.source ?? ""), {
          headingShift: Number(block?.headingShift) || 0,
          mentions,
          abbreviations: Array.isArray(block?.abbreviations) ? block.abbreviations : [],
        }),
      );
    },
  });
  for (const [name, text] of templates.files) {
    if (!name.endsWith(".hbs")) continue;
    try {
      if (!compiledBefore(text)) hb.parse(text);
    } catch (err) {
      throw new TemplateError(`templates/${name}: ${firstLine(err)}`, name);
    }
    const active = templates.overridden.includes(name) ? findActiveElement(text) : null;
    if (active !== null)
      throw new TemplateError(activeElementMessage(`templates/${name} writes`, active), name);
    // A trailing newline would put a space between inline pieces ("E001 : report"). Compiled
    // here, so that every use of a partial passes through the budget's count.
    if (name !== "layout.hbs")
      hb.registerPartial(name.slice(0, -4), compileTemplate(hb, withoutLastLineBreak(text)));
  }
  const section = hb.partials.section as Parameters<SectionMemo["wrap"]>[0] | undefined;
  if (options.sectionMemo && templates.overridden.length === 0 && section) {
    const text = [...templates.files].map(([name, t]) => `${name}\0${t}`).join("\0");
    const attachmentLinks = options.attachmentLinks === true;
    hb.registerPartial(
      "section",
      options.sectionMemo.wrap(section, doc, { templates: text, attachmentLinks }, counters),
    );
    const table = templates.files.get("table.hbs");
    if (table !== undefined) options.sectionMemo.wrapTable(hb, table, attachmentLinks);
  }
  limitTemplateWork(hb, templateBudget(doc), (stack) => blame(stack, templates.overridden));
  const layout = templates.files.get("layout.hbs");
  if (layout === undefined) throw new TemplateError("templates/layout.hbs is missing", "layout.hbs");
  const css = (templates.files.get("styles.css") ?? "").replace(/<\/(style)/gi, "<\\/$1");
  // The stylesheet goes in after the page is checked: its text is CSS inside <style>, where
  // "<script" is no element. A token no template can know holds its place meanwhile.
  const cssToken = `/*cse-styles-${randomBytes(12).toString("hex")}*/`;
  return { hb, layout, css, cssToken };
}

/** layout.hbs applied to the document; template failures become TemplateErrors. */
function applyLayout(
  hb: typeof Handlebars,
  layout: string,
  doc: PackDocument,
  cssToken: string,
  options: HtmlOptions,
): string {
  try {
    const page = compileTemplate(hb, layout);
    return page(
      { ...doc, css: new hb.SafeString(cssToken), attachmentLinks: options.attachmentLinks === true },
      {
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
        allowedProtoProperties: {},
        allowedProtoMethods: {},
      },
    );
  } catch (err) {
    if (err instanceof StoreError) throw err.original;
    if (err instanceof TemplateBudgetError) throw new TemplateError(err.message, err.file);
    throw new TemplateError(`the templates could not be applied: ${firstLine(err)}`, null);
  }
}

function activeElementMessage(whoWrites: string, element: string): string {
  return (
    `${whoWrites} <${element}>, which could send the pack's reader elsewhere or ` +
    "load something from outside: remove it (the pack must work with no network)"
  );
}

function overriddenNames(templates: TemplateSet): string {
  const names = templates.overridden.map((name) => `templates/${name}`);
  return names.length === 0 ? "the built-in templates" : `the templates (${names.join(", ")})`;
}

/** The innermost template at work that the submission overrides, else the innermost one. */
function blame(stack: string[], overridden: string[]): string {
  return [...stack].reverse().find((name) => overridden.includes(name)) ?? stack.at(-1) ?? "layout.hbs";
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err)
    .split("\n")
    .filter(Boolean)
    .slice(0, 3)
    .join(" ");
}
