import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Composer, Parser } from "yaml";
import type { Diagnostic } from "../diagnostic.js";
import { parseYamlFile } from "./yaml-file.js";

const DOC = path.resolve(import.meta.dirname, "../../docs/yaml-mistakes.md");
const doc = fs.readFileSync(DOC, "utf8");

/** Words of the YAML specification and of the parser that mean nothing to the people cse writes for. */
const JARGON = new RegExp(
  [
    "compact mapping",
    "implicit key",
    "node end",
    "reserved character",
    "flow (collection|sequence|map)",
    "scalar",
    "indicator",
    "token",
    "block (sequence|collection)",
    "directive",
    "anchor",
    "alias",
    "mapping item",
    "map key",
    "plain value",
  ].join("|"),
  "i",
);

/** The yaml package's own messages for `text` (first lines), as it would word them. */
function parserMessages(text: string): string[] {
  const docs = new Composer({ strict: true, uniqueKeys: true }).compose(new Parser().parse(text));
  return [...docs].flatMap((d) => [...d.errors, ...d.warnings]).map((e) => e.message.split("\n")[0]!);
}

function diagnose(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  parseYamlFile("x.yaml", new TextEncoder().encode(text), out);
  return out;
}

/** Each example of the docs page: the YAML, and the place and words cse is said to give. */
const EXAMPLES = [
  ...doc.matchAll(/^### (.+)\n\n```yaml\n([^]*?)```\n\ncse says, at line (\d+), column (\d+):\n\n> (.+)$/gm),
].map((m) => ({ title: m[1]!, yaml: m[2]!, line: Number(m[3]), column: Number(m[4]), message: m[5]! }));

describe("YAML mistakes in plain words (docs/yaml-mistakes.md)", () => {
  it("the page shows the examples it promises", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(EXAMPLES)("$title: the page's message, at its place", (ex) => {
    const found = diagnose(ex.yaml);
    expect(found.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ["yaml-syntax", ex.line, ex.column, ex.message],
    ]);
  });

  it.each(EXAMPLES)("$title: none of the parser's words reach the user", (ex) => {
    const message = diagnose(ex.yaml)[0]!.message;
    for (const theirs of parserMessages(ex.yaml)) expect(message).not.toContain(theirs);
    expect(message).not.toMatch(JARGON);
  });

  it("the page's table has a row for every error code of the yaml package", () => {
    const types = fs.readFileSync(
      path.resolve(import.meta.dirname, "../../node_modules/yaml/dist/errors.d.ts"),
      "utf8",
    );
    const codes = [.../type ErrorCode = ([^;]+);/.exec(types)![1]!.matchAll(/'([A-Z_0-9]+)'/g)].map(
      (m) => m[1]!,
    );
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) expect(doc, code).toContain(`| \`${code}\` |`);
  });

  it("the issue's cases, each at its exact line and column", () => {
    const cases: [string, number, number, RegExp][] = [
      ["title: Note: opening hours\n", 1, 8, /put the whole text in quotes: `title: "Note: opening hours"`/],
      ['title: "Returns" leaflet\n', 1, 8, /`title: '"Returns" leaflet'`/],
      ["description: First line\nsecond line here\ntype: x\n", 2, 1, /indent it under `description:`/],
      ['elements:\n  - "1.1"\n  -"5.2.1"\n', 3, 3, /space after the dash; write `- "5.2.1"`/],
      ["title: @library\n", 1, 8, /`title: "@library"`/],
      ["elements:\n   - a\n  - b\n", 3, 3, /dashes of this list do not line up/],
      ["elements:\n\t- a\n", 2, 1, /indented with a tab/],
      ["id: x\n\ttitle: y\n", 2, 1, /indented with a tab/],
    ];
    for (const [text, line, column, message] of cases) {
      const [d, ...rest] = diagnose(text);
      expect({ line: d?.line, column: d?.column, rest: rest.length }).toEqual({ line, column, rest: 0 });
      expect(d!.message).toMatch(message);
    }
  });

  it("a UTF-16 file without a byte-order mark is named as such, not as a control character", () => {
    const bytes = new Uint8Array(
      [...new TextEncoder().encode("id: E001\ntitle: x\n")].flatMap((b) => [b, 0]),
    );
    const out: Diagnostic[] = [];
    parseYamlFile("x.yaml", bytes, out);
    expect(out).toMatchObject([{ code: "yaml-syntax", line: 1, column: 1 }]);
    expect(out[0]!.message).toMatch(/saved as UTF-16.*save it as UTF-8/);
  });

  it("whatever is typed, a syntax message never passes on the parser's words", () => {
    const base =
      'id: E010\ntitle: Returns leaflet\nelements:\n  - "1.1.1"\n  - element: "1.1.2"\n    note: Part two\n';
    const typed = fc.constantFrom(..."-:#'\"[]{}|>&*!%@`,? \t\n".split(""), "  ", ": ", "- ");
    fc.assert(
      fc.property(fc.nat(base.length), typed, fc.nat(base.length), typed, (i, a, j, b) => {
        const once = base.slice(0, i) + a + base.slice(i);
        const text = once.slice(0, j) + b + once.slice(j);
        const theirs = parserMessages(text);
        for (const d of diagnose(text).filter((x) => x.code === "yaml-syntax")) {
          expect(d.message).not.toMatch(JARGON);
          for (const t of theirs) expect(d.message).not.toContain(t);
        }
      }),
      { numRuns: 400, seed: 14 },
    );
  });
});
