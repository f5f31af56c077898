import type { Citable } from "../model/types.js";
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
  item<T>(builder: string, ctx: PackContext, item: Citable, key: string, make: () => T): T {
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

interface Kept {
  file: string;
  context: string;
  key: string;
  value: unknown;
}

/** What an item's section shows of the elements it names: each one's text, or null when not in the pack. */
export function elementTexts(ctx: PackContext, item: Citable): (string | null)[] {
  return item.elements.map((c) => ctx.element(c.element)?.text ?? null);
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
