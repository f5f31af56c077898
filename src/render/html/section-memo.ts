import { createHash, randomBytes } from "node:crypto";
import type Handlebars from "handlebars";
import type { PackDocument, Section } from "../../pack/document-model.js";
import type { SectionStore } from "./render-html.js";

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
  private nextId = 0;
  private wrapped = false;
  private previous = new Map<string, Rendered>();
  private current = new Map<string, Rendered>();
  private keys = new WeakMap<object, string>();
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

  put(text: string): number {
    this.texts.set(this.nextId, text);
    return this.nextId++;
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
    if (!this.wrapped) this.current = new Map();
    this.previous = new Map();
    this.wrapped = false;
    for (const id of this.texts.keys()) if (!live.has(id)) this.texts.delete(id);
  }

  /** A section's digest: its own fields and its subsections' digests. */
  private keyOf(section: Section): string {
    const { children, ...own } = section;
    const key = digest(`${JSON.stringify(own)}\0${children.map((c) => this.keyOf(c)).join(",")}`);
    this.keys.set(section, key);
    return key;
  }
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("base64");
}
