import { createHash, randomBytes } from "node:crypto";
import type Handlebars from "handlebars";
import type { Block, PackDocument, Section, TableBlock } from "../../pack/document-model.js";
import { rowCharsOf, tableLayout } from "./table-fit.js";
import type { SectionStore } from "./render-html.js";
import { compileTemplate, withoutLastLineBreak } from "./compiled-templates.js";

/** The chart and trend numbers given out so far in a page (each chart's ids are numbered in page order). */
export interface FigureCounters {
  charts: number;
  trends: number;
}

interface Rendered {
  html: string;
  /** How many chart and trend numbers the section took: given out again when it is reused. */
  charts: number;
  trends: number;
}

/** A section as written in a page: its bytes, and the numbers of the sections' texts it holds. */
export interface WrittenSection {
  chunks: Uint8Array[];
  ids: number[];
}

type Partial = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

/**
 * `cse preview`'s incremental rendering: the HTML of every section (at any depth) of the last
 * page, kept by a digest of everything it was made from: the section's own part of the document
 * model with its subsections' digests, the rest of the document (title, mentions, language …),
 * the templates, its place in the loop and the chart numbers before it. A rebuild renders again
 * only the sections whose digest changed (and the sections holding them, which reuse their
 * other subsections). The output is the same bytes as a page rendered whole.
 *
 * Used only with the built-in templates: they take nothing from outside a section but the
 * document's top level (`@root`). A submission's own templates might (`../`), so with them every
 * page is rendered whole.
 */
export class SectionMemo implements SectionStore {
  /**
   * With renderHtmlTo, the memo is also the store of sections' texts, kept from page to page: a
   * section's HTML holds its subsections as tokens naming texts in the store, so the token is
   * the same for every page of this memo (random, so no submission can write one).
   */
  readonly token = `<!--cse-section-${randomBytes(12).toString("hex")}-`;
  private texts = new Map<number, string>();
  /** The number of each text kept. */
  private ids = new Map<string, number>();
  private bytes = new Map<number, WrittenSection>();
  /** Tables' rows (HTML, and widest pieces), of this page and the last (see wrapTable). */
  private rows = { now: new Map<string, string>(), before: new Map<string, string>() };
  /** Tables' columns seen, numbered (a row's key starts with its table's number). */
  private columnsIds = new Map<string, number>();
  private rowChars = { now: new Map<string, number[]>(), before: new Map<string, number[]>() };
  private nextId = 0;
  private wrapped = false;
  private previous = new Map<string, Rendered>();
  private current = new Map<string, Rendered>();
  private keys = new WeakMap<object, string>();
  /** The digest of a section's blocks, by their identity, from page to page. */
  private blockKeys = new WeakMap<readonly Block[], string>();
  /**
   * A table row's JSON, by the row's identity, from page to page: the pack memo gives an
   * unchanged item's row of the evidence index as the same object, so a title changed makes
   * one row's JSON, not 3,000, for the table's digest and its rows' keys.
   */
  private rowTexts = new WeakMap<object, string>();
  /** A section's digest by its identity, with the blocks and subsections' digests it was worked out from. */
  private sectionKeys = new WeakMap<Section, { blocks: readonly Block[]; childKeys: string; key: string }>();
  /** Sections rendered afresh and taken from the memo in the last page (for tests and the bench). */
  readonly counts = { rendered: 0, reused: 0 };

  /**
   * Starts a page: works out every section's digest (one pass over the model) and wraps the
   * `section` partial so each use is looked up first. `templates` is the template set's text.
   */
  wrap(
    section: Partial,
    doc: PackDocument,
    context: { templates: string; attachmentLinks: boolean },
    counters: FigureCounters,
  ): Partial {
    this.wrapped = true;
    this.previous = this.current.size > 0 ? this.current : this.previous;
    this.current = new Map();
    this.keys = new WeakMap();
    for (const kept of [this.rows, this.rowChars]) {
      kept.before = kept.now.size > 0 ? kept.now : kept.before;
      kept.now = new Map();
    }
    this.counts.rendered = 0;
    this.counts.reused = 0;
    const { sections: _sections, ...top } = doc;
    const rootKey = digest(
      `${context.templates}\0${String(context.attachmentLinks)}\0${JSON.stringify(top)}`,
    );
    for (const s of doc.sections) this.keyOf(s);
    return (ctx, options) => {
      const own = typeof ctx === "object" && ctx !== null ? this.keys.get(ctx) : undefined;
      if (own === undefined) return section(ctx, options);
      const data = (options?.data ?? {}) as { index?: unknown; first?: unknown; last?: unknown };
      const key = [rootKey, own, data.index, data.first, data.last, counters.charts, counters.trends].join(
        "\0",
      );
      const kept = this.current.get(key) ?? this.previous.get(key);
      if (kept !== undefined) {
        this.counts.reused++;
        counters.charts += kept.charts;
        counters.trends += kept.trends;
        this.current.set(key, kept);
        return kept.html;
      }
      const before = { ...counters };
      const html = section(ctx, options);
      this.counts.rendered++;
      this.current.set(key, {
        html,
        charts: counters.charts - before.charts,
        trends: counters.trends - before.trends,
      });
      return html;
    };
  }

  /** Keeps a section's text; a text kept already (a section given again) keeps its number. */
  /**
   * Tables rendered a row at a time, each row's HTML kept by its content (and its table's columns,
   * whether it has row headers, whether attachments are links) from page to page: one title
   * changed renders one row of the evidence index again, not 3,000. Each row's widest pieces
   * (tableLayout) are kept the same way. `tableText` is the built-in table.hbs; when its rows
   * are not written as this expects, tables are rendered as they are.
   */
  wrapTable(hb: typeof Handlebars, tableText: string, attachmentLinks: boolean): void {
    const rows = ROWS.exec(tableText);
    if (rows === null) return;
    const rowTemplate = compileTemplate(hb, rows[1]!);
    const table = compileTemplate(
      hb,
      withoutLastLineBreak(tableText.replace(rows[0], "{{#each rows}}{{cseTableRow this ..}}{{/each}}")),
    );
    // A table's columns (and row headers) as a short number, and each row's key worked out once a page.
    const columnsKeys = new WeakMap<object, number>();
    const rowKeys = new WeakMap<object, string>();
    const rowKey = (t: TableBlock, cells: object): string => {
      let key = rowKeys.get(cells);
      if (key === undefined) {
        let columns = columnsKeys.get(t);
        if (columns === undefined) {
          const text = JSON.stringify([t.columns, t.rowHeaders, attachmentLinks]);
          columns = this.columnsIds.get(text) ?? this.columnsIds.size;
          this.columnsIds.set(text, columns);
          columnsKeys.set(t, columns);
        }
        rowKeys.set(cells, (key = `${columns}\0${this.rowText(cells)}`));
      }
      return key;
    };
    hb.registerHelper("cseTableRow", (cells: object, t: TableBlock, options: Handlebars.HelperOptions) => {
      const key = rowKey(t, cells);
      let html = this.rows.now.get(key) ?? this.rows.before.get(key);
      if (html === undefined) html = rowTemplate(cells, { data: options.data as unknown, depths: [t] });
      this.rows.now.set(key, html);
      return new hb.SafeString(html);
    });
    hb.registerHelper("tableLayout", (t: TableBlock | undefined) =>
      Array.isArray(t?.columns) && Array.isArray(t?.rows)
        ? tableLayout(t, (columns, cells) => {
            const key = rowKey(t, cells);
            const chars =
              this.rowChars.now.get(key) ?? this.rowChars.before.get(key) ?? rowCharsOf(columns, cells);
            this.rowChars.now.set(key, chars);
            return chars;
          })
        : "",
    );
    hb.registerPartial("table", table);
  }

  put(text: string): number {
    const known = this.ids.get(text);
    if (known !== undefined) return known;
    this.texts.set(this.nextId, text);
    this.ids.set(text, this.nextId);
    return this.nextId++;
  }

  /**
   * A section's text as the page wrote it, encoded, with the numbers of the texts it holds (at
   * every depth): what renderHtmlTo writes again for a section met in an earlier page, without
   * putting it together, checking and encoding it again. Kept only with the built-in templates.
   */
  written(id: number): WrittenSection | undefined {
    return this.wrapped ? this.bytes.get(id) : undefined;
  }

  /** Keeps what the page wrote for a section (see `written`). */
  keepWritten(id: number, section: WrittenSection): void {
    if (this.wrapped) this.bytes.set(id, section);
  }

  get(id: number): string {
    const text = this.texts.get(id);
    if (text === undefined) throw new Error(`section ${id} is not in the memo`);
    return text;
  }

  /**
   * After a page written by renderHtmlTo: keeps only the texts that page used (`live`), and the
   * sections of that page (whose texts, and their subsections', are all among them). A page
   * rendered without the memo (the submission's own templates) leaves nothing to reuse.
   */
  finishPage(live: ReadonlySet<number>): void {
    if (!this.wrapped) {
      this.current = new Map();
      this.bytes.clear();
    }
    this.previous = new Map();
    this.wrapped = false;
    for (const [id, text] of this.texts)
      if (!live.has(id)) {
        this.texts.delete(id);
        this.ids.delete(text);
        this.bytes.delete(id);
      }
  }

  /**
   * A section's digest: its own fields and its subsections' digests. Its blocks' digest is kept
   * by the blocks' identity from page to page: the pack's model is not changed in place once
   * built, and the preview's pack memo (src/pack/pack-memo.ts) gives an unchanged item's section,
   * blocks and all, as the same objects, so only new blocks are digested (JSON-digesting the
   * whole model, 18 MB at 3,000 items, took a quarter of a rebuild).
   */
  private keyOf(section: Section): string {
    const { children, blocks, ...own } = section;
    const childKeys = children.map((c) => this.keyOf(c)).join(",");
    // The same section object (given again by the pack memo) with the same blocks and subsections.
    const kept = this.sectionKeys.get(section);
    let key: string;
    if (kept !== undefined && kept.blocks === blocks && kept.childKeys === childKeys) key = kept.key;
    else {
      let ofBlocks = this.blockKeys.get(blocks);
      if (ofBlocks === undefined) this.blockKeys.set(blocks, (ofBlocks = digest(this.blocksText(blocks))));
      key = digest(`${JSON.stringify(own)}\0${ofBlocks}\0${childKeys}`);
      this.sectionKeys.set(section, { blocks, childKeys, key });
    }
    this.keys.set(section, key);
    return key;
  }

  /**
   * The blocks as text for their digest: each block's JSON, a table's rows apart, each row's JSON
   * (kept by the row's identity). Pieces are parted by characters JSON never writes bare (U+0001
   * and U+0002 are escaped in its strings), so different blocks give different texts.
   */
  private blocksText(blocks: readonly Block[]): string {
    return blocks
      .map((b) =>
        b.type === "table" && Array.isArray(b.rows)
          ? `t${JSON.stringify({ ...b, rows: null })}\u0001${b.rows.map((r) => this.rowText(r)).join("\u0001")}`
          : `b${JSON.stringify(b)}`,
      )
      .join("\u0002");
  }

  private rowText(row: object): string {
    let text = this.rowTexts.get(row);
    if (text === undefined) this.rowTexts.set(row, (text = JSON.stringify(row)));
    return text;
  }
}

/** How the built-in table.hbs writes its rows: a line of its own, between standalone `each` tags. */
const ROWS = /\{\{#each rows\}\}\n([^\n]*\n)\{\{\/each\}\}\n/;

function digest(text: string): string {
  return createHash("sha256").update(text).digest("base64");
}
