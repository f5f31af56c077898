import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

// Issue 9, encodings: however a colleague's editor saved a file, cse reads it or says clearly
// why not, at the line and column an editor shows.

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...enc(p)] : p)));

/** An evidence item whose 6th line names an element the standard lacks (so a position is checked). */
const ITEM = [
  "id: E050",
  "title: Café opening hours",
  "description: Times when we are open.",
  "type: report",
  "date: 2014-01-01",
  'elements: ["9.9.9"]',
  "",
];

async function diagnosticsOf(
  file: Uint8Array | string,
): Promise<{ line: number; column: number; code: string; message: string }[]> {
  const dir = testdir({ ...minimalSubmission(), "evidence/E050.yaml": file });
  const r = await runCse(["validate", "--as-of", "2015-01-10", "--format", "json"], { cwd: dir });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout).diagnostics;
}

describe("encodings and line endings", () => {
  it.each([
    ["LF", ITEM.join("\n")],
    ["CRLF", ITEM.join("\r\n")],
    ["a byte-order mark", `\uFEFF${ITEM.join("\n")}`],
    ["a byte-order mark and CRLF", `\uFEFF${ITEM.join("\r\n")}`],
    ["tabs between a key and its value", ITEM.map((l) => l.replace(": ", ":\t")).join("\n")],
  ])("%s: read, with the element at line 6, column 12", async (_, text) => {
    expect(await diagnosticsOf(text)).toMatchObject([{ line: 6, column: 12, code: "unknown-element" }]);
  });

  it("a tab used to indent is yaml-syntax at the tab, saying so in plain words", async () => {
    const d = await diagnosticsOf("id: E050\ntitle: x\nelements:\n\t- 1.1.1\n");
    expect(d).toMatchObject([{ line: 4, column: 1, code: "yaml-syntax" }]);
    expect(d[0]!.message).toMatch(/indented with a tab; YAML allows only spaces/);
    const mixed = await diagnosticsOf("id: E050\n  \ttitle: x\n");
    expect(mixed).toMatchObject([{ line: 2, column: 3, code: "yaml-syntax" }]);
    expect(mixed[0]!.message).toMatch(/indented with a tab/);
  });

  it("invalid UTF-8 (a Windows-1252 é) is yaml-syntax at its line and column", async () => {
    const d = await diagnosticsOf(bytes("id: E050\ntitle: Caf", [0xe9], " opening hours\n"));
    expect(d).toMatchObject([{ line: 2, column: 11, code: "yaml-syntax" }]);
    expect(d[0]!.message).toMatch(/not valid UTF-8 \(byte 0xe9 at offset 19\); save it as UTF-8/);
  });

  it("a cut multi-byte character at the end is placed after the last good character", async () => {
    const d = await diagnosticsOf(bytes("id: E050\ntitle: Caf", [0xc3]));
    expect(d).toMatchObject([{ line: 2, column: 11, code: "yaml-syntax" }]);
  });

  it("UTF-16 is named as such", async () => {
    const d = await diagnosticsOf(
      new Uint8Array([0xff, 0xfe, ...[...ITEM.join("\n")].flatMap((c) => [c.charCodeAt(0), 0])]),
    );
    expect(d).toMatchObject([{ line: 1, column: 1, code: "yaml-syntax" }]);
    expect(d[0]!.message).toMatch(/UTF-16.*save it as UTF-8/);
  });

  it("old Mac line endings (CR alone) are named, not reported as a baffling mapping error", async () => {
    const d = await diagnosticsOf(ITEM.join("\r"));
    expect(d).toMatchObject([{ line: 1, column: 9, code: "yaml-syntax" }]);
    expect(d[0]!.message).toMatch(/carriage return alone/);
  });

  it.each([
    ["a NUL byte", "\u0000", "U+0000"],
    ["a bell", "\u0007", "U+0007"],
    ["an escape", "\u001b[2J", "U+001B"],
    ["a C1 control", "\u009b", "U+009B"],
  ])("%s is yaml-syntax at its place", async (_, ch, code) => {
    const d = await diagnosticsOf(`id: E050\ntitle: Caf${ch}é\n`);
    expect(d).toMatchObject([{ line: 2, column: 11, code: "yaml-syntax" }]);
    expect(d[0]!.message).toContain(code);
  });

  it("a byte-order mark in the middle (two files pasted together) is yaml-syntax", async () => {
    const d = await diagnosticsOf(`id: E050\n\uFEFFtitle: x\n`);
    expect(d).toMatchObject([{ line: 2, column: 1, code: "yaml-syntax" }]);
    expect(d[0]!.message).toMatch(/byte-order mark/);
  });

  it("columns after non-Latin and astral characters count UTF-16 code units, as VS Code does", async () => {
    const d = await diagnosticsOf(
      'id: E050\ntitle: "Ŵ 🙂"\ndescription: x\ntype: report\ndate: 2014-01-01\nelements: ["1.1.1"]\nlinks: ["Ŵ🙂", "ftp://x"]\n',
    );
    expect(d.map((x) => [x.line, x.column, x.code])).toEqual([
      [7, 9, "bad-link"],
      [7, 16, "bad-link"],
    ]);
  });
});
