import fc from "fast-check";
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from "yaml";

// Mutations are plain data (so fast-check prints and shrinks them readably) and `applyMutation`
// turns one into new bytes. Positions are fractions of the file, so one mutation fits any file.

/** Values that have broken parsers and renderers before: types, protos, paths, links, formulas. */
const NASTY_STRINGS = [
  "",
  " ",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "1.10",
  "1",
  "0x1F",
  "1e3",
  ".nan",
  "~",
  "2014-02-30",
  "2014-13-01",
  "0000-00-00",
  "9999-12-31",
  "../../../../etc/passwd",
  "/etc/passwd",
  "C:\\Windows\\win.ini",
  "\\\\server\\share",
  "attachments/../../../x",
  "a\u0000b",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "{{constructor.constructor 'alert(1)'}}",
  '=HYPERLINK("http://x")',
  "+1+1",
  "-2+3",
  "@SUM(A1)",
  "\u202e\u0644\u0627",
  "🙂".repeat(50),
  "\r\n",
  "\t",
  "\ufeff",
  "a: b",
  "- x",
  "*alias",
  "&anchor",
  "!!binary",
  "%YAML",
  "---",
  "...",
  "null",
  "true",
  "no",
  "yes",
  "on",
  "0o17",
  "+.inf",
];

/** YAML tokens and fragments spliced into text at random places. */
const TOKENS = [
  ": ",
  "- ",
  "? ",
  "[",
  "]",
  "{",
  "}",
  ",",
  "#",
  "&a ",
  "*a",
  "!!str ",
  "!!map ",
  "!!binary ",
  "!foo ",
  "|",
  ">",
  "|-",
  ">+2",
  "'",
  '"',
  "\\",
  "\n",
  "\r\n",
  "\r",
  "\t",
  "  ",
  "---\n",
  "...\n",
  "%YAML 1.1\n",
  "%TAG ! tag:x,2000:\n",
  "<<: *a\n",
  "\ufeff",
  "\u0000",
  "\u0085",
  "\u2028",
  "__proto__: {x: 1}\n",
  "id: x\n",
  "elements: []\n",
  "&a [*a]",
];

/** A value that may replace any node: every YAML type, odd strings, deep and large ones. */
export const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: "binary" }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ n: fc.integer({ min: 1000, max: 300_000 }), spaces: fc.boolean() })
      .map(({ n, spaces }) => (spaces ? "word ".repeat(n / 5) : "x".repeat(n))),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((d) => nest(d)) },
);

function nest(depth: number): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { k: v };
  return v;
}

const at = fc.double({ min: 0, max: 1, noNaN: true });
const pick = fc.nat({ max: 10_000 });

/** One change to one file. */
export type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "insert-bytes"; at: number; bytes: number[] }
  | { kind: "overwrite-bytes"; at: number; bytes: number[] }
  | { kind: "delete-range"; at: number; length: number }
  | { kind: "insert-token"; at: number; token: string }
  | { kind: "duplicate-line"; line: number }
  | { kind: "swap-lines"; a: number; b: number }
  | { kind: "tab-indent"; line: number | "all" }
  | { kind: "bom" }
  | { kind: "crlf" }
  | { kind: "cr-only" }
  | { kind: "replace-value"; node: number; value: unknown }
  | { kind: "delete-field"; node: number }
  | { kind: "rename-key"; node: number; key: string }
  | { kind: "deep-nesting"; at: number; depth: number; flow: boolean }
  | { kind: "huge-line"; at: number; length: number }
  | { kind: "alias-bomb"; width: number; levels: number }
  | { kind: "empty" };

/** Any mutation, weighted towards those that keep the YAML well-formed (they reach deeper). */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("insert-bytes" as const),
      at,
      bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 12 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("overwrite-bytes" as const),
      at,
      bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 12 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("delete-range" as const), at, length: fc.nat({ max: 200 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("insert-token" as const),
      at,
      token: fc.constantFrom(...TOKENS),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("duplicate-line" as const), line: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("swap-lines" as const), a: pick, b: pick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("tab-indent" as const),
      line: fc.oneof(pick, fc.constant("all" as const)),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "bom" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "crlf" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "cr-only" as const }) },
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant("replace-value" as const), node: pick, value: valueArb }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("delete-field" as const), node: pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("rename-key" as const),
      node: pick,
      key: fc.oneof(
        fc.constantFrom(
          ...NASTY_STRINGS,
          "id",
          "elements",
          "files",
          "links",
          "date",
          "owner",
          "rating",
          "title",
          "statement",
          "results",
          "summary",
          "narrative",
        ),
        fc.string({ maxLength: 12 }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("deep-nesting" as const),
      at,
      depth: fc.integer({ min: 1, max: 10_000 }),
      flow: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("huge-line" as const),
      at,
      length: fc.integer({ min: 1000, max: 1_100_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("alias-bomb" as const),
      width: fc.integer({ min: 2, max: 10 }),
      levels: fc.integer({ min: 1, max: 9 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "empty" as const }) },
);

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** Applies a mutation to a file's bytes. */
export function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const offset = (f: number) => Math.min(bytes.length, Math.floor(f * bytes.length));
  const text = () => decoder.decode(bytes);
  const lines = () => text().split("\n");
  const enc = (s: string) => encoder.encode(s);
  switch (m.kind) {
    case "truncate":
      return bytes.slice(0, offset(m.at));
    case "insert-bytes":
      return concat(bytes.slice(0, offset(m.at)), Uint8Array.from(m.bytes), bytes.slice(offset(m.at)));
    case "overwrite-bytes": {
      const out = bytes.slice();
      m.bytes.forEach((b, i) => {
        if (offset(m.at) + i < out.length) out[offset(m.at) + i] = b;
      });
      return out;
    }
    case "delete-range":
      return concat(bytes.slice(0, offset(m.at)), bytes.slice(offset(m.at) + m.length));
    case "insert-token":
      return concat(bytes.slice(0, offset(m.at)), enc(m.token), bytes.slice(offset(m.at)));
    case "duplicate-line": {
      const ls = lines();
      const i = m.line % ls.length;
      ls.splice(i, 0, ls[i]!);
      return enc(ls.join("\n"));
    }
    case "swap-lines": {
      const ls = lines();
      const a = m.a % ls.length;
      const b = m.b % ls.length;
      [ls[a], ls[b]] = [ls[b]!, ls[a]!];
      return enc(ls.join("\n"));
    }
    case "tab-indent": {
      const ls = lines();
      const tabbed = (l: string) => l.replace(/^( {2})+/, (s) => "\t".repeat(s.length / 2));
      if (m.line === "all") return enc(ls.map(tabbed).join("\n"));
      const i = m.line % ls.length;
      ls[i] = tabbed(ls[i]!);
      return enc(ls.join("\n"));
    }
    case "bom":
      return concat(Uint8Array.of(0xef, 0xbb, 0xbf), bytes);
    case "crlf":
      return enc(text().replace(/\r?\n/g, "\r\n"));
    case "cr-only":
      return enc(text().replace(/\r?\n/g, "\r"));
    case "replace-value":
    case "delete-field":
    case "rename-key":
      return enc(editStructure(text(), m));
    case "deep-nesting": {
      const inner = m.flow
        ? `${"[".repeat(m.depth)}x${"]".repeat(m.depth)}`
        : Array.from({ length: Math.min(m.depth, 3000) }, (_, i) => `${" ".repeat(i)}k:`).join("\n");
      const blob = m.flow ? `deep: ${inner}\n` : `${inner} x\n`;
      return concat(bytes.slice(0, offset(m.at)), enc(blob), bytes.slice(offset(m.at)));
    }
    case "huge-line":
      return concat(
        bytes.slice(0, offset(m.at)),
        enc(`long: ${"y".repeat(m.length)}\n`),
        bytes.slice(offset(m.at)),
      );
    case "alias-bomb": {
      const out = [`a0: &a0 [${Array(m.width).fill('"lol"').join(", ")}]`];
      for (let i = 1; i <= m.levels; i++)
        out.push(
          `a${i}: &a${i} [${Array(m.width)
            .fill(`*a${i - 1}`)
            .join(", ")}]`,
        );
      return concat(bytes, enc(`\n${out.join("\n")}\n`));
    }
    case "empty":
      return new Uint8Array(0);
  }
}

/** Replaces, deletes or renames the n-th node (in document order) of a well-formed file. */
function editStructure(
  text: string,
  m: Extract<Mutation, { kind: "replace-value" | "delete-field" | "rename-key" }>,
): string {
  // An earlier mutation may have made the file too deep for yaml, or the path may not fit the
  // new value: then the file is left as it is.
  try {
    return editDocument(text, m);
  } catch {
    return text;
  }
}

function editDocument(
  text: string,
  m: Extract<Mutation, { kind: "replace-value" | "delete-field" | "rename-key" }>,
): string {
  const doc: Document = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) return text;
  const places = collect(doc);
  if (places.length === 0) return text;
  const place = places[m.node % places.length]!;
  if (m.kind === "replace-value") {
    if (place.path.length === 0) doc.contents = doc.createNode(m.value);
    else doc.setIn(place.path, doc.createNode(m.value));
  } else if (m.kind === "delete-field") {
    if (place.path.length === 0) return "";
    doc.deleteIn(place.path);
  } else {
    const parentPath = place.path.slice(0, -1);
    const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
    const last = place.path[place.path.length - 1];
    if (!isMap(parent)) return text;
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
    if (pair) pair.key = doc.createNode(m.key);
  }
  return doc.toString({ lineWidth: 0 });
}

function collect(doc: Document): { path: unknown[] }[] {
  const out: { path: unknown[] }[] = [{ path: [] }];
  const walk = (node: unknown, path: unknown[]) => {
    if (out.length > 5000) return;
    if (isMap(node)) {
      for (const p of node.items) {
        const key = isScalar(p.key) ? p.key.value : null;
        if (key === null || typeof key === "object") continue;
        out.push({ path: [...path, key] });
        walk(p.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item: YamlNode | unknown, i: number) => {
        out.push({ path: [...path, i] });
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) {
    out.set(p, i);
    i += p.length;
  }
  return out;
}
