import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostic.js";
import { keysOf, positionOf, sourceOf } from "./positions.js";
import { parseYamlFile } from "./yaml-file.js";

const enc = (s: string) => new TextEncoder().encode(s);

// A well-formed file lets go of its parsed document (memory in large submissions) and parses
// its text again when a position is wanted: the answers must be the same as from the first parse.
describe("the document of a well-formed file, on demand", () => {
  const text =
    '\ufeffid: E1\r\ntitle: "A: b"\r\nelements:\r\n  - element: "1.1.1"\r\n    note: |\r\n      x\r\n  - 1.10\r\n';

  it("gives the same positions, source and keys", () => {
    const out: Diagnostic[] = [];
    const f = parseYamlFile("e.yaml", enc(text), out);
    expect(out).toEqual([]);
    expect(f.ok).toBe(true);
    expect(positionOf(f, ["elements", 0, "note"])).toEqual({ line: 5, column: 11 });
    expect(positionOf(f, ["elements", 1])).toEqual({ line: 7, column: 5 });
    expect(sourceOf(f, ["elements", 1])).toBe("1.10");
    expect(keysOf(f, []).map((k) => [k.text, k.position])).toEqual([
      ["id", { line: 1, column: 1 }],
      ["title", { line: 2, column: 1 }],
      ["elements", { line: 3, column: 1 }],
    ]);
  });

  it("parses once however often it is asked, and keeps the data as read", () => {
    const f = parseYamlFile("e.yaml", enc(text), []);
    const doc = f.doc;
    expect(doc).not.toBeNull();
    expect(f.doc).toBe(doc);
    expect(doc!.toJS()).toEqual(f.data);
  });
});
