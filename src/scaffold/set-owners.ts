import { isMap, isScalar, Pair, parseDocument, Scalar, YAMLMap, type Document } from "yaml";

/**
 * Gives elements an owner in the text of one self-assessment file and returns the new text.
 * It edits the parsed document (yaml's Document API), so comments, blank lines, quoting and the
 * order of everything else stay as written: only the `owner:` lines change. An element without
 * an entry gets one at the end of `elements`. Line ends (CRLF) and a byte-order mark are kept.
 */
export function setOwners(text: string, owners: ReadonlyMap<string, string>): string {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const crlf = text.includes("\r\n");
  const doc = parseDocument(bom ? text.slice(1) : text);
  const elements = elementsMap(doc);
  for (const [element, person] of owners) setOwner(elements, element, person);
  const out = doc.toString({ lineWidth: 0 });
  return bom + (crlf ? out.replace(/\r?\n/g, "\r\n") : out);
}

/** A new self-assessment file holding `owners`, with the schema line when `schemaPath` is given. */
export function newAssessmentFile(owners: ReadonlyMap<string, string>, schemaPath: string | null): string {
  const lines = schemaPath ? [`# yaml-language-server: $schema=${schemaPath}`] : [];
  lines.push("elements:");
  for (const [element, person] of owners) lines.push(`  ${JSON.stringify(element)}:`, `    owner: ${person}`);
  return lines.join("\n") + "\n";
}

function elementsMap(doc: Document.Parsed): YAMLMap {
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  const top = doc.contents as unknown as YAMLMap;
  const found = top.get("elements", true);
  if (isMap(found)) return found;
  const made = new YAMLMap();
  top.set("elements", made);
  return made;
}

function setOwner(elements: YAMLMap, element: string, person: string): void {
  const pair = (elements.items as Pair[]).find((p) => keyText(p.key) === element);
  if (!pair) {
    const key = new Scalar(element);
    key.type = Scalar.QUOTE_DOUBLE; // "1.10" must never be read back as the number 1.1
    const entry = new YAMLMap();
    entry.set("owner", person);
    elements.items.push(new Pair(key, entry));
    return;
  }
  if (!isMap(pair.value)) {
    // `"1.1.1":` with nothing after it: the entry becomes a mapping holding the owner.
    const entry = new YAMLMap();
    entry.set("owner", person);
    pair.value = entry;
    return;
  }
  const entry = pair.value;
  // init writes `"1.1.1": {}`; an owner reads better on a line of its own than as `{ owner: x }`.
  if (entry.flow && entry.items.length === 0) entry.flow = false;
  const current = (entry.items as Pair[]).find((p) => keyText(p.key) === "owner");
  if (current && isScalar(current.value))
    current.value.value = person; // keeps a comment after it
  else if (current) current.value = new Scalar(person);
  else entry.items.unshift(new Pair(new Scalar("owner"), new Scalar(person)));
}

function keyText(key: unknown): string | null {
  if (isScalar(key)) return String(key.value);
  return typeof key === "string" ? key : null;
}
