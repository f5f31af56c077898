import type { Citable, Origin } from "../model/types.js";
import type { PackContext } from "./pack-context.js";

/**
 * `cse preview`'s memo of per-item builders, kept from rebuild to rebuild: what a builder made
 * for an item is given again when the item's file is unchanged and everything else the builder
 * read is the same.
 *
 * An item is known by its file's parsed data: the preview's in-memory cache gives an unchanged
 * file's data as the very object it gave last time (a changed, added or renamed file is parsed
 * afresh, a new object), and an item is made from its data and its file's path alone. Everything
 * else a builder reads (through the pack context) is spelt out in the key it is kept under, so a
 * person renamed or a section retitled shows in items that did not change. Each item keeps one
 * entry per builder (the last one), dropped with the data when its file goes.
 *
 * What is given again is the same object: the pack's builders and what follows them must not
 * change it in place (markAbbreviations replaces a section's blocks, and knows blocks it has
 * marked; see abbreviations.ts).
 */
export class PackMemo {
  private kept = new Map<string, WeakMap<object, Kept>>();
  /** Builds made afresh and given again in the last pack (for tests and the bench). */
  readonly counts = { made: 0, reused: 0 };
  private contextKeys = new WeakMap<PackContext, string>();
  /** The last context key, given again while equal: then keys compare as the same string, at once. */
  private lastContextKey = "";
  /** A number for each parsed file's data met in a key (dataKey). */
  private dataIds = new WeakMap<object, number>();
  private nextDataId = 0;
  /** A number for each text met in a key (elements' texts): the same text, the same number. */
  private textIds = new Map<string, number>();
  /** Per pack, each element's text as its number ("-" when the element is not in the pack). */
  private elementIds = new WeakMap<PackContext, Map<string, string>>();

  /** Starts a pack: the counts start again. */
  startPack(): void {
    this.counts.made = 0;
    this.counts.reused = 0;
  }

  /**
   * What `make` gives for `item`, kept under `builder` and `key` (everything else it reads
   * besides what contextKey covers): given again while the item's data is the same object, in
   * the same file, and the keys the same.
   */
  item<T>(builder: string, ctx: PackContext, item: Pick<Origin, "src">, key: string, make: () => T): T {
    const data = item.src.data;
    if (typeof data !== "object" || data === null) return make();
    let byItem = this.kept.get(builder);
    if (byItem === undefined) this.kept.set(builder, (byItem = new WeakMap()));
    const context = this.contextKey(ctx);
    const kept = byItem.get(data);
    // The item's file is part of the key: its attachments' paths are resolved from its folder.
    if (kept?.file === item.src.file && kept.context === context && kept.key === key) {
      this.counts.reused++;
      return kept.value as T;
    }
    this.counts.made++;
    const value = make();
    byItem.set(data, { file: item.src.file, context, key, value });
    return value;
  }

  /**
   * A parsed file's data as a short key: a number given to that data object for the memo's life
   * (with the file's path). The in-memory cache gives an unchanged file's data as the same object,
   * and a changed file's as a new one: the same number means the same file, unchanged. Null for
   * data that is no object (nothing to know it by).
   */
  dataKey(origin: Pick<Origin, "src"> | null | undefined): string | null {
    if (origin === null || origin === undefined) return "~";
    const data = origin.src.data;
    if (typeof data !== "object" || data === null) return null;
    let n = this.dataIds.get(data);
    if (n === undefined) this.dataIds.set(data, (n = this.nextDataId++));
    return `${n}@${origin.src.file}`;
  }

  /**
   * What an item's section shows of the elements it names, as a short key: each element's text
   * as a number given to that text for the memo's life (the same text, the same number; another
   * text, another number), or "-" when the element is not in the pack. Keys holding the texts
   * themselves (JSON of a few hundred characters per element, 3,000 items) took a tenth of a
   * rebuild to make and compare.
   */
  elementsKey(ctx: PackContext, item: Citable): string {
    let ids = this.elementIds.get(ctx);
    if (ids === undefined) {
      // The numbers are never given to another text while entries kept under them may be used:
      // past a bound (texts edited many times), everything kept is dropped with them.
      if (this.textIds.size > MAX_TEXT_IDS) {
        this.textIds = new Map();
        this.kept = new Map();
      }
      this.elementIds.set(ctx, (ids = new Map()));
    }
    let key = "";
    for (const c of item.elements) {
      let id = ids.get(c.element);
      if (id === undefined) {
        const text = ctx.element(c.element)?.text;
        if (text === undefined) id = "-";
        else {
          let n = this.textIds.get(text);
          if (n === undefined) this.textIds.set(text, (n = this.textIds.size));
          id = String(n);
        }
        ids.set(c.element, id);
      }
      key += `${id},`;
    }
    return key;
  }

  /**
   * What every item's section reads from the pack as a whole: the language (dates), the people,
   * the sections and customer groups (names), the glossary (abbreviations marked), whether
   * drafts are in. Worked out once per pack.
   */
  private contextKey(ctx: PackContext): string {
    let key = this.contextKeys.get(ctx);
    if (key === undefined) {
      const { config } = ctx.s;
      key = JSON.stringify([
        config.build.language,
        config.people,
        config.sections,
        config.customers,
        config.glossary,
        ctx.inputs.build.includeDrafts,
      ]);
      if (key === this.lastContextKey) key = this.lastContextKey;
      else this.lastContextKey = key;
      this.contextKeys.set(ctx, key);
    }
    return key;
  }
}

/** How many texts elementsKey numbers before it starts again (see there). */
const MAX_TEXT_IDS = 100_000;

interface Kept {
  file: string;
  context: string;
  key: string;
  value: unknown;
}

/** The size and hash of each of an item's attachments (null for one not hashed). */
export function attachmentFacts(ctx: PackContext, item: Citable): unknown[] {
  return item.files.map((f) =>
    f.resolved === null ? null : (ctx.inputs.attachments.get(f.resolved) ?? null),
  );
}

/** What a citation of another item shows (ctx.cite): its kind, id, title and first attachment. */
export function citedAs(item: Citable & { kind: string }): unknown[] {
  return [item.kind, item.id, item.title, item.files.find((f) => f.resolved !== null)?.resolved ?? null];
}
