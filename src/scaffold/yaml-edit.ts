import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
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
 * Applies edits to a YAML text in place: only the edited values' text changes, so comments,
 * quoting, blank lines and the layout of everything else stay as they were (a re-serialised
 * document would re-flow long text and lose its author's layout). Mappings on `path` that do not
 * exist are added. A flow mapping on the way (`{a: 1}`) is edited through yaml's Document API,
 * which keeps comments but may re-lay that file out.
 */
export function editYamlText(text: string, edits: YamlEdit[]): string {
  let out = text;
  for (const edit of edits) out = applyEdit(out, edit);
  return out;
}

function applyEdit(text: string, edit: YamlEdit): string {
  const doc = parseDocument(text);
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
  if (!pair) return insertPair(text, map, key, v);
  if (edit.append && missing.length === 0) return appendItem(text, pair, edit.value);
  return replaceValue(text, pair, v);
}

/** Adds an item at the end of a block list (or turns an empty or flow list into one that holds it). */
function appendItem(text: string, pair: Pair, item: YamlValue): string {
  const list = pair.value;
  if (!isSeq(list) || list.flow || !list.range) {
    const current = isSeq(list) ? (list.toJSON() as YamlValue[]) : [];
    return replaceValue(text, pair, [...current, item]);
  }
  const indent = columnOf(text, list.range[0]);
  const end = list.range[1];
  const at = text[end - 1] === "\n" ? end : lineEnd(text, end);
  const before = text.slice(0, at);
  const line = " ".repeat(indent) + "-" + renderSeqItem(item, indent + 2);
  return (before.endsWith("\n") ? before : before + "\n") + line + text.slice(at);
}

/** Replaces a pair's value text; a block list or mapping keeps the comment on its key's line. */
function replaceValue(text: string, pair: Pair, value: YamlValue): string {
  const key = pair.key as Node;
  const old = pair.value as Node | null;
  const keyEnd = key.range![1];
  const valueEnd = old?.range ? trimNewline(text, old.range[1]) : keyEnd;
  const isBlockCollection = (isMap(old) || isSeq(old)) && !old.flow && old.range;
  const rendered = renderAfterKey(value, columnOf(text, key.range![0]));
  if (isBlockCollection && typeof value === "object" && rendered.startsWith("\n")) {
    const start = old.range![0];
    const indent = columnOf(text, start);
    const items = renderBlock(value, indent).replace(/^ */, "");
    return text.slice(0, start) + items.replace(/\n$/, "") + text.slice(valueEnd);
  }
  return text.slice(0, keyEnd) + ":" + rendered.replace(/\n$/, "") + text.slice(valueEnd);
}

/** Adds `key: value` after the mapping's last pair, at its keys' indentation. */
function insertPair(text: string, map: YAMLMap, key: string, value: YamlValue): string {
  const first = map.items[0]?.key as Node | undefined;
  const indent = first?.range ? columnOf(text, first.range[0]) : 0;
  const last = map.items[map.items.length - 1];
  let at = text.length;
  if (last) {
    const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1];
    at = text[end - 1] === "\n" ? end : lineEnd(text, end);
  }
  const line =
    " ".repeat(indent) + keyText(key) + ":" + renderAfterKey(value, indent).replace(/\n$/, "") + "\n";
  const before = text.slice(0, at);
  return (before === "" || before.endsWith("\n") ? before : before + "\n") + line + text.slice(at);
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
  return text[end - 1] === "\n" ? end - 1 : end;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  return nl === -1 ? text.length : nl + 1;
}
