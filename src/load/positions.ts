import type { Node as YamlNode } from "yaml";
import { yamlLib } from "./yaml-lib.js";
import { toPosition, type Position, type YamlFile } from "./yaml-file.js";

/** A place in a file's data: object keys and array indexes from the document's root. */
export type DataPath = ReadonlyArray<string | number>;

/** The YAML node at a data path, with its key node when it is a mapping's value. */
export interface Located {
  node: YamlNode | null;
  key: YamlNode | null;
}

/** Finds the node at `path` in a parsed file (the deepest node reached when the path runs out). */
export function locate(file: YamlFile, path: DataPath): Located {
  let node: unknown = file.doc?.contents ?? null;
  let key: YamlNode | null = null;
  for (const seg of path) {
    if (yamlLib().isAlias(node) && file.doc) node = node.resolve(file.doc) ?? null;
    if (yamlLib().isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      if (!pair) break;
      key = (pair.key as YamlNode) ?? null;
      node = pair.value ?? null;
    } else if (yamlLib().isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (item === undefined) break;
      key = null;
      node = yamlLib().isPair(item) ? item.value : item;
    } else break;
  }
  return { node: (node as YamlNode) ?? null, key };
}

/**
 * The position of the value at `path`: the value node itself, or its key when asked for (or
 * when the value is empty, since an empty value has no place of its own).
 */
export function positionOf(file: YamlFile, path: DataPath, opts: { key?: boolean } = {}): Position {
  const { node, key } = locate(file, path);
  const valueEmpty = !node || (yamlLib().isScalar(node) && node.value === null && rangeEmpty(node));
  const target = (opts.key || valueEmpty) && key ? key : node;
  const offset = target?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  return toPosition(file.lineCounter, offset);
}

/** The source text of the node at `path` (for "quote it" fixes), or null. */
export function sourceOf(file: YamlFile, path: DataPath): string | null {
  const { node } = locate(file, path);
  if (!node?.range) return null;
  return file.text.slice(node.range[0], node.range[1]);
}

/** The key nodes of the mapping at `path`, with their source text and parsed value. */
export function keysOf(
  file: YamlFile,
  path: DataPath,
): { text: string; value: unknown; position: Position }[] {
  const { node } = locate(file, path);
  if (!yamlLib().isMap(node)) return [];
  return node.items.map((p) => {
    const k = p.key as YamlNode | null;
    const range = k?.range;
    return {
      text: range ? file.text.slice(range[0], range[1]) : String(keyText(k)),
      value: yamlLib().isScalar(k) ? k.value : k,
      position: range ? toPosition(file.lineCounter, range[0]) : { line: 1, column: 1 },
    };
  });
}

function keyText(key: unknown): string {
  if (yamlLib().isScalar(key)) return String(key.value);
  return String(key);
}

function rangeEmpty(node: YamlNode): boolean {
  return !node.range || node.range[0] === node.range[1];
}
