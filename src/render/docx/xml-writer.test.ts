import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeXml } from "./xml-writer.js";

/** The writer the docx package compiles with, resolved from docx's folder as docx-package.ts does. */
const xml = createRequire(createRequire(import.meta.url).resolve("docx"))("xml") as (
  input: unknown,
) => string;

/** Values as the docx formatter leaves them: text with the characters XML escapes, numbers, flags. */
const scalar = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", " ", "&", "<", ">", '"', "'", "é", "]"), maxLength: 6 }),
  fc.integer({ min: -5, max: 500 }),
  fc.boolean(),
);
const attributes = fc.dictionary(fc.constantFrom("w:val", "w:id", "r:id", "xml:space"), scalar, {
  maxKeys: 3,
});
const name = fc.constantFrom("w:p", "w:r", "w:t", "w:tbl", "w:tc", "");

const { tree } = fc.letrec<{ tree: unknown; entry: unknown }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 5, depthIdentifier: "tree" },
    fc.record({ name, value: attributes }).map(({ name, value }) => ({ [name]: { _attr: value } })),
    fc.record({ name, value: scalar }).map(({ name, value }) => ({ [name]: value })),
    name.map((n) => ({ [n]: {} })),
    name.map((n) => ({ [n]: null })),
    fc
      .record({ name, cdata: fc.string({ maxLength: 6 }) })
      .map(({ name, cdata }) => ({ [name]: { _cdata: cdata } })),
    fc
      .record({ name, value: fc.array(tie("entry"), { maxLength: 5 }) })
      .map(({ name, value }) => ({ [name]: value })),
  ),
  entry: fc.oneof(
    { maxDepth: 5, depthIdentifier: "tree" },
    scalar,
    attributes.map((a) => ({ _attr: a })),
    tie("tree"),
  ),
}));

describe("the Word body's XML writer", () => {
  it("writes what the xml package writes, for any tree of the shapes docx formats", () => {
    fc.assert(
      fc.property(tree, (t) => writeXml(t) === xml(t)),
      { numRuns: 2000 },
    );
  });

  it("keeps the xml package's oddities: text replaces the entry before it, empty lists and objects differ", () => {
    const t = { "w:p": [{ "w:r": [] }, "text & more", { "w:r": {} }, { _attr: { "w:val": 1 } }] };
    expect(writeXml(t)).toBe('<w:p w:val="1">text &amp; more<w:r/></w:p>');
    expect(writeXml(t)).toBe(xml(t));
    const group = { "": [{ "w:p": [] }, { "w:p": { _attr: { a: "'" } } }] };
    expect(writeXml(group)).toBe('<w:p></w:p><w:p a="&apos;"/>');
  });
});
