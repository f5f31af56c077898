import type { Abbreviation, Block, Inline, Section } from "./document-model.js";
import { termPattern } from "./markdown-abbr.js";
import { plainTextOf } from "./plain-text.js";

/**
 * Marks the first use of each glossary term in every section (each section on its own, its
 * sub-sections separately): in the model's own text an `abbr` inline, in a Markdown block the
 * term listed in the block's `abbreviations` for the Markdown renderer to mark. Changes the
 * sections in place; headings, code and links are left alone.
 */
export function markAbbreviations(sections: Section[], glossary: readonly Abbreviation[]): void {
  if (glossary.length === 0) return;
  const terms = glossary.map((g) => ({ ...g, re: termPattern(g.term) }));
  const glossaryKey = JSON.stringify(glossary.map((g) => [g.term, g.expansion]));
  const visit = (section: Section) => {
    // A section given again by the preview's memo (pack-memo.ts) was marked with this glossary
    // in an earlier pack: its blocks are marked already (marking twice would mark a second use).
    if (marked.get(section.blocks) !== glossaryKey) {
      const seen = new Set<string>();
      section.blocks = sameOrNew(section.blocks, (b) => markBlock(b, terms, seen));
      marked.set(section.blocks, glossaryKey);
    }
    section.children.forEach(visit);
  };
  sections.forEach(visit);
}

/** Blocks markAbbreviations made, with the glossary they were marked with. */
const marked = new WeakMap<readonly Block[], string>();

type Term = Abbreviation & { re: RegExp };

function markBlock(block: Block, terms: Term[], seen: Set<string>): Block {
  switch (block.type) {
    case "paragraph": {
      const content = markInlines(block.content, terms, seen);
      return content === block.content ? block : { ...block, content };
    }
    case "facts": {
      const items = sameOrNew(block.items, (f) => {
        const value = markInlines(f.value, terms, seen);
        return value === f.value ? f : { ...f, value };
      });
      return items === block.items ? block : { ...block, items };
    }
    case "list": {
      const items = sameOrNew(block.items, (item) => sameOrNew(item, (b) => markBlock(b, terms, seen)));
      return items === block.items ? block : { ...block, items };
    }
    case "table": {
      const rows = sameOrNew(block.rows, (row) => sameOrNew(row, (cell) => markInlines(cell, terms, seen)));
      return rows === block.rows ? block : { ...block, rows };
    }
    case "markdown": {
      const plain = plainTextOf(block.source);
      const found = terms.filter((t) => !seen.has(t.term) && t.re.test(plain));
      for (const t of found) seen.add(t.term);
      return found.length
        ? { ...block, abbreviations: found.map((t) => ({ term: t.term, expansion: t.expansion })) }
        : block;
    }
    default:
      return block;
  }
}

/**
 * `list` with `mark` applied to each entry, in order: the same array when every entry came back
 * the same (most of a pack's text names no term left unmarked, so its document is not copied).
 */
function sameOrNew<T>(list: readonly T[], mark: (entry: T) => T): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]!;
    const marked = mark(entry);
    if (out === null && marked !== entry) out = list.slice(0, i);
    out?.push(marked);
  }
  return out ?? (list as T[]);
}

function markInlines(content: Inline[], terms: Term[], seen: Set<string>): Inline[] {
  let out: Inline[] | null = null;
  for (let i = 0; i < content.length; i++) {
    const inline = content[i]!;
    const split = inline.type === "text" ? splitText(inline.text, inline.strong, terms, seen) : null;
    if (out === null && split !== null) out = content.slice(0, i);
    if (split !== null) out!.push(...split);
    else out?.push(inline);
  }
  return out ?? content;
}

/** Splits plain text at the first use of each term not yet seen, earliest first; null when it names none. */
function splitText(textValue: string, strong: boolean, terms: Term[], seen: Set<string>): Inline[] | null {
  const out: Inline[] = [];
  let rest = textValue;
  for (;;) {
    let hit: { at: number; t: Term } | null = null;
    for (const t of terms) {
      if (seen.has(t.term)) continue;
      const m = t.re.exec(rest);
      if (m && (hit === null || m.index < hit.at)) hit = { at: m.index, t };
    }
    if (!hit) break;
    seen.add(hit.t.term);
    if (hit.at > 0) out.push({ type: "text", text: rest.slice(0, hit.at), strong });
    out.push({ type: "abbr", text: hit.t.term, expansion: hit.t.expansion });
    rest = rest.slice(hit.at + hit.t.term.length);
  }
  if (out.length === 0) return null;
  if (rest) out.push({ type: "text", text: rest, strong });
  return out;
}
