import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair } from "yaml";

// The one way cse changes a YAML file that someone wrote (cse record, visit, assign, import):
// yaml's Document API finds the nodes and their ranges, and only the characters of the changed
// values are replaced, so every comment, blank line, quote, alignment and line ending the author
// chose stays exactly as it was. (Printing the whole Document again would re-space flow
// mappings and trailing comments on lines nobody touched.) The operations built on it:
// editYamlText (yaml-edit.ts: set or append a value at a path) and setOwners (set-owners.ts).

/** One change to a file's text: replace `from`..`to` with `insert`. */
interface Splice {
  from: number;
  to: number;
  insert: string;
}

/** A YAML file being edited: its text, parsed with ranges, and the changes so far. */
export class YamlSplicer {
  readonly doc: Document;
  /** The file's line ending ("\r\n" when it has any), for the lines an edit adds. */
  readonly newline: string;
  private readonly splices: Splice[] = [];

  constructor(readonly text: string) {
    this.doc = parseDocument(text, { keepSourceTokens: true });
    this.newline = text.includes("\r\n") ? "\r\n" : "\n";
  }

  /** The node at a path of mapping keys and sequence indexes, or null. */
  node(path: (string | number)[]): YamlNode | null {
    const n = this.doc.getIn(path, true) as YamlNode | undefined;
    return n ?? null;
  }

  /** The key–value pair of `key` in the mapping at `path`, or null. */
  pair(path: (string | number)[], key: string): Pair<YamlNode, YamlNode> | null {
    const map = path.length ? this.node(path) : this.doc.contents;
    if (!isMap(map)) return null;
    return (
      (map.items as Pair<YamlNode, YamlNode>[]).find((p) => isScalar(p.key) && String(p.key.value) === key) ??
      null
    );
  }

  /** Replaces the text from `from` to `to` (offsets in the original text) with `insert`. */
  splice(from: number, to: number, insert: string): void {
    this.splices.push({ from, to, insert });
  }

  /** Replaces a scalar value in place (its quotes and any comment after it stay). */
  replaceScalar(node: YamlNode, yamlText: string): void {
    const [from, to] = node.range!;
    this.splice(from, to, yamlText);
  }

  /** Inserts whole lines before the line holding `offset` (or at the end of the text). */
  insertLinesBefore(offset: number, lines: string[]): void {
    const at = offset >= this.text.length ? this.text.length : this.lineStart(offset);
    const nl = this.newline;
    const lead = at === this.text.length && !this.text.endsWith("\n") && this.text !== "" ? nl : "";
    this.splice(at, at, lead + lines.map((l) => `${l}${nl}`).join(""));
  }

  /** Inserts whole lines after the line holding `offset`. */
  insertLinesAfter(offset: number, lines: string[]): void {
    this.insertLinesBefore(this.lineEnd(offset) + 1, lines);
  }

  /**
   * Removes a mapping entry: its lines, from the key to the end of its value, and the comment
   * lines right above it at its indentation (they speak about it).
   */
  removePair(pair: Pair<YamlNode, YamlNode>): void {
    const keyStart = pair.key.range![0];
    const valueEnd = pair.value?.range?.[1] ?? pair.key.range![1];
    let from = this.lineStart(keyStart);
    const indent = keyStart - from;
    for (;;) {
      if (from === 0) break;
      const prev = this.lineStart(from - 1);
      const line = this.text.slice(prev, from - 1);
      if (!new RegExp(`^ {${indent}}#`).test(line)) break;
      from = prev;
    }
    this.splice(from, Math.min(this.text.length, this.lineEnd(Math.max(keyStart, valueEnd - 1)) + 1), "");
  }

  /** The column (0-based) of an offset. */
  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** The offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }

  /** The offset of the "\n" that ends the line holding `offset` (the text's length on the last line). */
  lineEnd(offset: number): number {
    const nl = this.text.indexOf("\n", offset);
    return nl === -1 ? this.text.length : nl;
  }

  /** The text with every change applied (changes at one offset in the order they were made). */
  result(): string {
    let out = this.text;
    const order = this.splices.map((s, i) => ({ s, i }));
    order.sort((a, b) => b.s.from - a.s.from || b.i - a.i);
    for (const { s } of order) out = out.slice(0, s.from) + s.insert + out.slice(s.to);
    return out;
  }

  /** Whether the file parsed without errors (an edit of a broken file is refused). */
  get ok(): boolean {
    return this.doc.errors.length === 0;
  }
}

/** Whether a node is a block sequence with at least one item (lines can be added to it). */
export function isBlockSeq(node: YamlNode | null): boolean {
  return isSeq(node) && !node.flow && node.items.length > 0;
}
