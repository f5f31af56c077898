import { isMap, isScalar, parseDocument, type Pair, type YAMLMap } from "yaml";
import { YamlSplicer } from "./yaml-splice.js";

/**
 * Gives elements an owner in the text of one self-assessment file and returns the new text.
 * The text is changed only where the owners go (through YamlSplicer, cse's one in-place YAML
 * editor), so comments (and their alignment), blank lines, quoting and line ends everywhere
 * else stay byte for byte as written. An element without an entry gets one at the end of
 * `elements`; the owner goes first in an entry that has none.
 */
export function setOwners(text: string, owners: ReadonlyMap<string, string>): string {
  const edit = new YamlSplicer(text);
  const nl = edit.newline;
  const top = edit.doc.contents;
  const elements = isMap(top) ? top.get("elements", true) : null;
  if (!isMap(elements) || elements.flow || !isMap(top) || top.flow) return appendSection(text, owners, nl);
  const missing: [string, string][] = [];
  for (const [element, person] of owners) {
    const pair = findPair(elements, element);
    if (pair) splice(edit, ownerSplice(edit, pair, person));
    else missing.push([element, person]);
  }
  if (missing.length) splice(edit, appendEntries(edit, elements, missing));
  return edit.result();
}

/** Insert `insert` at `at`, replacing `remove` characters. */
interface Splice {
  at: number;
  remove: number;
  insert: string;
}

/** A new self-assessment file holding `owners`, with the schema line when `schemaPath` is given. */
export function newAssessmentFile(owners: ReadonlyMap<string, string>, schemaPath: string | null): string {
  const lines = schemaPath ? [`# yaml-language-server: $schema=${schemaPath}`] : [];
  lines.push("elements:", ...entryLines([...owners], "  "));
  return lines.join("\n") + "\n";
}

function entryLines(owners: [string, string][], indent: string): string[] {
  // Element ids are always quoted: an unquoted 1.10 would be read back as the number 1.1.
  return owners.flatMap(([element, person]) => [
    `${indent}${JSON.stringify(element)}:`,
    `${indent}  owner: ${person}`,
  ]);
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === key);
}

/** The one change that gives the entry of `pair` the owner `person`. */
function ownerSplice(edit: YamlSplicer, pair: Pair, person: string): Splice {
  const { text, newline: nl } = edit;
  const keyStart = isScalar(pair.key) ? pair.key.range![0] : 0;
  const indent = " ".repeat(edit.column(keyStart) + 2);
  const value = pair.value;
  if (isMap(value)) {
    const owner = findPair(value, "owner");
    if (owner && isScalar(owner.value) && owner.value.range && owner.value.range[1] > owner.value.range[0]) {
      const [start, end] = owner.value.range;
      return { at: start, remove: end - start, insert: person };
    }
    if (owner && isScalar(owner.key) && owner.key.range) {
      // `owner:` left empty: the id goes straight after the colon, before any comment.
      const colon = text.indexOf(":", owner.key.range[1]);
      return { at: colon + 1, remove: 0, insert: ` ${person}` };
    }
    const [start, end] = value.range!;
    if (value.flow && value.items.length === 0)
      return { at: start, remove: end - start, insert: `${nl}${indent}owner: ${person}` };
    const first = value.items[0]!.key;
    const at = isScalar(first) ? first.range![0] : start + 1;
    if (value.flow) return { at, remove: 0, insert: `owner: ${person}, ` };
    return { at, remove: 0, insert: `owner: ${person}${nl}${" ".repeat(edit.column(at))}` };
  }
  if (isScalar(value) && value.range && value.range[1] > value.range[0]) {
    // `"1.1.2": ~` or `null`: the entry becomes a mapping.
    const [start, end] = value.range;
    return { at: start, remove: end - start, insert: `${nl}${indent}owner: ${person}` };
  }
  // `"1.1.2":` with nothing after it: the owner goes on the next line.
  const at = lineEndBeforeCr(text, keyStart);
  return { at, remove: 0, insert: `${nl}${indent}owner: ${person}` };
}

/** New entries after the last line of the `elements` mapping, indented like its keys. */
function appendEntries(edit: YamlSplicer, elements: YAMLMap, owners: [string, string][]): Splice {
  const { text, newline: nl } = edit;
  const first = elements.items[0]?.key;
  const indent = " ".repeat(isScalar(first) && first.range ? edit.column(first.range[0]) : 2);
  // After the line holding the mapping's last character, so trailing blank lines stay below.
  const at = lineEndBeforeCr(text, Math.max(0, elements.range![1] - 1));
  return { at, remove: 0, insert: nl + entryLines(owners, indent).join(nl) };
}

/** A file without a block `elements:` mapping (empty, or written in flow style) gets one at its end. */
function appendSection(text: string, owners: ReadonlyMap<string, string>, nl: string): string {
  const doc = parseDocument(text);
  const top = doc.contents;
  if (isMap(top) && top.has("elements")) {
    // Rare (`elements: {}` or a flow mapping): let yaml write the whole file.
    // `elements:` left empty (null) cannot take entries: it becomes an empty mapping first.
    if (!isMap(top.get("elements", true))) doc.set("elements", doc.createNode({}));
    const elements = top.get("elements", true);
    for (const [element, person] of owners) {
      const entry = isMap(elements) ? elements.get(element, true) : null;
      if (isMap(entry)) entry.set("owner", person);
      else doc.setIn(["elements", element], doc.createNode({ owner: person }));
    }
    return doc.toString({ lineWidth: 0 }).replace(/\r?\n/g, nl);
  }
  const body = ["elements:", ...entryLines([...owners], "  ")].join(nl) + nl;
  return text === "" || text.endsWith("\n") ? text + body : text + nl + body;
}

/** The offset of the end of the line holding `offset`, before its line break ("\r\n" or "\n"). */
function lineEndBeforeCr(text: string, offset: number): number {
  const at = text.indexOf("\n", offset);
  if (at < 0) return text.length;
  return text[at - 1] === "\r" ? at - 1 : at;
}

/** Adds a splice; a value moved to the next line takes the spaces before it along, so no line ends in a space. */
function splice(edit: YamlSplicer, s: Splice): void {
  let at = s.at;
  if (/^\r?\n/.test(s.insert))
    while (at > 0 && (edit.text[at - 1] === " " || edit.text[at - 1] === "\t")) at--;
  edit.splice(at, s.at + s.remove, s.insert);
}
