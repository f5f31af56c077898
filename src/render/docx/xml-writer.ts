/**
 * The XML of one formatted element of a Word document's body, exactly as the `xml` package (the
 * writer the docx package compiles with, version 1.0.1, no indentation) writes it, in one walk.
 *
 * Why not `xml` itself: it first resolves the whole tree into a second tree of its own
 * ({name, attributes, content} with escaped strings), then writes it taking children off the
 * front of each list (`shift`, which costs in proportion to the list's length) through a closure
 * made per element. For a Word body of 30,000 evidence items that is some 5 GB of short-lived
 * objects, about half of everything the build allocates, and the time the garbage collector
 * spends on them grew faster than the pack (docs/benchmarks.md, issue 22). This walk keeps, per
 * element, only what the writer needs before it can write the opening tag: the attributes, which
 * may come after children in the list, and which entries are written (a text entry replaces the
 * entry before it, as it does in `xml`).
 *
 * The formatted tree is what the docx package's formatter gives: an element is an object whose
 * first key is its name (`""` names a group written without tags) and whose value is a list of
 * children, text and `{ _attr: { name: value } }` entries, or an object (`_attr`, `_cdata`), or
 * text. The writer's oddities are kept, because the output must be byte for byte what docx
 * writes: an empty list gives `<a></a>` and an empty object `<a/>`; attributes on a group with no
 * name are written with no tag around them. src/render/docx/xml-writer.test.ts holds it to `xml`
 * on generated trees.
 */
export function writeXml(node: unknown): string {
  let out = "";
  const write = (data: unknown): void => {
    let name: string | undefined;
    let values = data;
    if (typeof data === "object") {
      name = firstKey(data as object);
      values = name === undefined ? undefined : (data as Record<string, unknown>)[name];
      if (isObject(values) && values._elem)
        throw new Error("xml: an element made to be streamed cannot be written here");
    }
    let attributes = "";
    // What is written between the tags, in order: text (escaped) or a child element.
    const content: unknown[] = [];
    if (isObject(values)) {
      if (values._attr) attributes += attributesOf(values._attr);
      if (values._cdata)
        content.push(("<![CDATA[" + String(values._cdata)).replace(/\]\]>/g, "]]]]><![CDATA[>") + "]]>");
      if (Array.isArray(values)) {
        content.push(""); // so an empty list is written <a></a>
        for (const value of values as unknown[]) {
          if (typeof value === "object") {
            if (firstKey(value as object) === "_attr")
              attributes += attributesOf((value as { _attr: unknown })._attr);
            else content.push(value);
          } else {
            content.pop(); // as in `xml`: text takes the place of the entry before it
            content.push(escape(value));
          }
        }
      }
    } else if (values !== null) {
      content.push(escape(values));
    }
    const tag = name ? "<" + name : "";
    if (content.length === 0) {
      out += tag + attributes + (name ? "/>" : "");
      return;
    }
    out += tag + attributes + (name ? ">" : "");
    for (const value of content) {
      if (value === undefined) continue;
      if (typeof value === "object") write(value);
      else out += String(value);
    }
    if (name) out += "</" + name + ">";
  };
  write(node);
  return out;
}

/** Object.keys(object)[0] without making the list of keys (for...in gives own keys first, in that order). */
function firstKey(object: object): string | undefined {
  for (const key in object) return Object.hasOwn(object, key) ? key : undefined;
  return undefined;
}

/** The attributes as `xml` writes them, each after a space: name="value". */
function attributesOf(record: unknown): string {
  let written = "";
  for (const key of Object.keys(record as object))
    written += " " + key + '="' + String(escape((record as Record<string, unknown>)[key])) + '"';
  return written;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

const SPECIAL = /[&"<>']/;
const SPECIALS = /[&"<>']/g;
const ENTITY: Record<string, string> = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  "<": "&lt;",
  ">": "&gt;",
};

/** What the `xml` package writes for a text or attribute value: a string escaped, anything else as it is. */
function escape(value: unknown): unknown {
  if (typeof value !== "string" || !SPECIAL.test(value)) return value;
  return value.replace(SPECIALS, (c) => ENTITY[c]!);
}
