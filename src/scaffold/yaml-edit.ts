import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import { YamlSplicer } from "./yaml-splice.js";
import { yamlString } from "./yaml-text.js";

/** A value cse writes into YAML: text, yes/no, a list or a mapping of them. */
export type YamlValue = string | boolean | YamlValue[] | { [key: string]: YamlValue };

/**
 * Set `key` of the mapping at `path` (keys and list positions from the top) to `value`, adding
 * the key when absent; with `append`, add `value` to the end of the list at `key` instead.
 */
export interface YamlEdit {
  path: (string | number)[];
  key: string;
  value: YamlValue;
  append?: boolean;
}

/**
 * Applies edits to a YAML text in place (through YamlSplicer, cse's one in-place YAML editor):
 * only the edited values' text changes, so comments, quoting, blank lines, line endings and the
 * layout of everything else stay as they were (a re-serialised document would re-flow long text
 * and lose its author's layout). Mappings on `path` that do not
 * exist are added. A flow mapping on the way (`{a: 1}`) is edited through yaml's Document API,
 * which keeps comments but may re-lay that file out.
 */
export function editYamlText(text: string, edits: YamlEdit[]): string {
  let out = text;
  for (const edit of edits) out = applyEdit(out, edit);
  return out;
}

function applyEdit(text: string, edit: YamlEdit): string {
  const t = new YamlSplicer(text);
  const doc = t.doc;
  if (doc.errors.length > 0) throw new Error(`cannot edit YAML with errors: ${doc.errors[0]!.message}`);
  // Walk down to the deepest existing mapping on the path; what is missing is added as one value.
  let map: unknown = doc.contents;
  let depth = 0;
  while (depth < edit.path.length && (isMap(map) || isSeq(map))) {
    const step = edit.path[depth]!;
    const next: unknown = isSeq(map) ? map.get(Number(step), true) : map.get(String(step), true);
    if (!isMap(next) && !isSeq(next)) break;
    map = next;
    depth++;
  }
  const missing = edit.path.slice(depth).map(String);
  const inner = edit.append ? [edit.value] : edit.value;
  const value = missing.reduceRight<YamlValue>((v, key) => ({ [key]: v }), { [edit.key]: inner });
  if (!isMap(map) || map.flow || !map.range) return viaDocument(text, edit);
  const [key, v] = Object.entries(value as Record<string, YamlValue>)[0]!;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  if (!pair) insertPair(t, map, key, v);
  else if (edit.append && missing.length === 0) appendItem(t, pair, edit.value);
  else replaceValue(t, pair, v);
  return t.result();
}

/** Lines rendered with "\n" in the file's own line ending. */
function inFileEndings(t: YamlSplicer, rendered: string): string {
  return t.newline === "\n" ? rendered : rendered.replace(/\n/g, t.newline);
}

/** The offset just after the line holding `end - 1` when `end` does not already start a line. */
function afterLine(t: YamlSplicer, end: number): number {
  return t.text[end - 1] === "\n" ? end : Math.min(t.text.length, t.lineEnd(end) + 1);
}

/** Adds an item at the end of a block list (or turns an empty or flow list into one that holds it). */
function appendItem(t: YamlSplicer, pair: Pair, item: YamlValue): void {
  const list = pair.value;
  if (!isSeq(list) || list.flow || !list.range) {
    const current = isSeq(list) ? (list.toJSON() as YamlValue[]) : [];
    return replaceValue(t, pair, [...current, item]);
  }
  const indent = t.column(list.range[0]);
  const at = afterLine(t, list.range[1]);
  const lead = at > 0 && t.text[at - 1] !== "\n" ? "\n" : "";
  t.splice(at, at, inFileEndings(t, lead + " ".repeat(indent) + "-" + renderSeqItem(item, indent + 2)));
}

/** Replaces a pair's value text; a block list or mapping keeps the comment on its key's line. */
function replaceValue(t: YamlSplicer, pair: Pair, value: YamlValue): void {
  const key = pair.key as Node;
  const old = pair.value as Node | null;
  const keyEnd = key.range![1];
  const valueEnd = old?.range ? trimNewline(t.text, old.range[1]) : keyEnd;
  const isBlockCollection = (isMap(old) || isSeq(old)) && !old.flow && old.range;
  const rendered = renderAfterKey(value, t.column(key.range![0]));
  if (isBlockCollection && typeof value === "object" && rendered.startsWith("\n")) {
    const start = old.range![0];
    const items = renderBlock(value, t.column(start)).replace(/^ */, "");
    return t.splice(start, valueEnd, inFileEndings(t, items.replace(/\n$/, "")));
  }
  t.splice(keyEnd, valueEnd, inFileEndings(t, ":" + rendered.replace(/\n$/, "")));
}

/** Adds `key: value` after the mapping's last pair, at its keys' indentation. */
function insertPair(t: YamlSplicer, map: YAMLMap, key: string, value: YamlValue): void {
  const first = map.items[0]?.key as Node | undefined;
  const indent = first?.range ? t.column(first.range[0]) : 0;
  const last = map.items[map.items.length - 1];
  let at = t.text.length;
  if (last) at = afterLine(t, (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1]);
  const line =
    " ".repeat(indent) + keyText(key) + ":" + renderAfterKey(value, indent).replace(/\n$/, "") + "\n";
  const lead = at > 0 && t.text[at - 1] !== "\n" ? "\n" : "";
  t.splice(at, at, inFileEndings(t, lead + line));
}

function viaDocument(text: string, edit: YamlEdit): string {
  const doc = parseDocument(text);
  const at = [...edit.path, edit.key];
  if (edit.append) doc.addIn(at, doc.createNode(edit.value));
  else doc.setIn(at, doc.createNode(edit.value));
  return doc.toString({ lineWidth: 0 });
}

/** The text after `key:` for a value whose key is at column `indent`: ` x`, or a block on the lines below. */
export function renderAfterKey(value: YamlValue, indent: number): string {
  if (typeof value === "boolean") return ` ${value}`;
  if (typeof value === "string")
    return value.includes("\n") ? ` ${blockScalar(value, indent + 2)}` : ` ${scalarText(value)}`;
  if (Array.isArray(value) && value.length === 0) return " []";
  if (!Array.isArray(value) && Object.keys(value).length === 0) return " {}";
  return "\n" + renderBlock(value, indent + 2);
}

/** A list or mapping as block lines at `indent`, ending with a line break. */
function renderBlock(value: YamlValue[] | { [key: string]: YamlValue }, indent: number): string {
  const pad = " ".repeat(indent);
  if (Array.isArray(value)) return value.map((item) => pad + "-" + renderSeqItem(item, indent + 2)).join("");
  return Object.entries(value)
    .map(([k, v]) => pad + keyText(k) + ":" + withNewline(renderAfterKey(v, indent)))
    .join("");
}

function renderSeqItem(item: YamlValue, indent: number): string {
  if (typeof item === "object" && !Array.isArray(item) && Object.keys(item).length > 0) {
    // The first pair goes on the dash's line, the rest below it.
    return " " + renderBlock(item, indent).slice(indent);
  }
  return withNewline(renderAfterKey(item, indent - 2));
}

/** A `|` block: the lines at `indent`, one line break kept at the end. */
function blockScalar(value: string, indent: number): string {
  const body = value.replace(/\n+$/, "");
  const pad = " ".repeat(indent);
  // Leading spaces on the first line would be read as indentation: say how deep it is.
  const header = /^\s/.test(body) ? "|2" : "|";
  return (
    header +
    "\n" +
    body
      .split("\n")
      .map((l) => (l.trim() === "" ? "" : pad + l))
      .join("\n") +
    "\n"
  );
}

/** One-line text; ids made of digits and dots are always quoted, as the sample writes them. */
function scalarText(value: string): string {
  return /^\d+(?:\.\d+)*$/.test(value) ? JSON.stringify(value) : yamlString(value);
}

/** Keys are written like values, so an element id such as "1.1.1" stays text. */
function keyText(key: string): string {
  return scalarText(key);
}

function withNewline(s: string): string {
  return s.endsWith("\n") ? s : s + "\n";
}

function trimNewline(text: string, end: number): number {
  if (text[end - 1] !== "\n") return end;
  return text[end - 2] === "\r" ? end - 2 : end - 1;
}
