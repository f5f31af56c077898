import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostic.js";
import v8 from "node:v8";
import { collectGarbage } from "../util/collect-garbage.js";
import { parseYamlFile, withOwnStrings, YAML_LIMITS } from "./yaml-file.js";
import { positionOf } from "./positions.js";
import { resolveInside } from "./source-tree.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("parseYamlFile", () => {
  it("keeps dates and dotted ids as strings and gives positions of nodes", () => {
    const out: Diagnostic[] = [];
    const f = parseYamlFile("a.yaml", enc('id: "1.10"\ndate: 2014-02-12\nlist:\n  - x\n  - y: 1\n'), out);
    expect(out).toEqual([]);
    expect(f.data).toEqual({ id: "1.10", date: "2014-02-12", list: ["x", { y: 1 }] });
    expect(positionOf(f, ["list", 1, "y"])).toEqual({ line: 5, column: 8 });
    expect(positionOf(f, ["list", 1, "y"], { key: true })).toEqual({ line: 5, column: 5 });
  });

  it("counts columns correctly after a byte-order mark and with CRLF line ends", () => {
    const out: Diagnostic[] = [];
    const f = parseYamlFile("a.yaml", enc("\uFEFFid: a\r\ntitle: b\r\n"), out);
    expect(out).toEqual([]);
    expect(positionOf(f, ["title"])).toEqual({ line: 2, column: 8 });
  });

  it("reports invalid UTF-8 at its line and column", () => {
    const out: Diagnostic[] = [];
    parseYamlFile("a.yaml", new Uint8Array([...enc("id: a\ntitle: ab"), 0xff, ...enc("\n")]), out);
    expect(out).toMatchObject([{ code: "yaml-syntax", line: 2, column: 10 }]);
    expect(out[0]!.message).toMatch(/not valid UTF-8/);
  });

  it("guards against long lines and deep nesting", () => {
    const out: Diagnostic[] = [];
    parseYamlFile("a.yaml", enc(`a: ${"x".repeat(YAML_LIMITS.maxLineLength + 1)}\n`), out);
    parseYamlFile("b.yaml", enc(`a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`), out);
    expect(out.map((d) => d.code)).toEqual(["yaml-limit", "yaml-limit"]);
  });

  it("points an unclosed quote at its opening, and reports one syntax error, not its echoes", () => {
    const out: Diagnostic[] = [];
    parseYamlFile("a.yaml", enc('id: E009\ntitle: "unclosed\ntype: x\n'), out);
    expect(out).toMatchObject([{ code: "yaml-syntax", line: 2, column: 8 }]);
    expect(out[0]!.message).toMatch(/has no closing "/);
    const more: Diagnostic[] = [];
    parseYamlFile("b.yaml", enc("- a\nb: c\n"), more);
    expect(more).toHaveLength(1);
  });

  it("rejects a second document", () => {
    const out: Diagnostic[] = [];
    parseYamlFile("a.yaml", enc("id: a\n---\nid: b\n"), out);
    expect(out).toMatchObject([{ code: "yaml-syntax", line: 2, column: 1 }]);
  });
});

describe("withOwnStrings", () => {
  it("leaves the data as it was, a __proto__ key an own property", () => {
    const long = "a title long enough to be a view";
    const data = JSON.parse(
      `{"t":"${long}","n":[1,null,true,"${long}",{"x":"short"}],"__proto__":"${long}"}`,
    );
    const copy = withOwnStrings(data);
    expect(copy).toBe(data);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["t", "n", "__proto__"]);
    expect(copy).toEqual({ t: long, n: [1, null, true, long, { x: "short" }], ["__proto__"]: long });
    expect(withOwnStrings(long)).toBe(long);
  });

  it("keeps no file's text alive through the values taken from it", () => {
    // Sixty files of a 250 KB note each; only their titles kept. Views into the texts would keep
    // 15 MB; copies a few KB.
    const note = `note: |\n${"  The service desk reviewed the enquiry form with partners.\n".repeat(4_000)}`;
    collectGarbage();
    const before = v8.getHeapStatistics().used_heap_size;
    const titles: unknown[] = [];
    for (let i = 0; i < 60; i++) {
      const f = parseYamlFile(`e${i}.yaml`, enc(`title: Customer journey mapping report ${i}\n${note}`), []);
      titles.push((f.data as { title: unknown }).title);
    }
    collectGarbage();
    const kept = v8.getHeapStatistics().used_heap_size - before;
    expect(titles[7]).toBe("Customer journey mapping report 7");
    expect(kept).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("resolveInside", () => {
  it("resolves relative paths and refuses ones that leave the root", () => {
    expect(resolveInside("evidence/library", "attachments/a.csv")).toBe("evidence/library/attachments/a.csv");
    expect(resolveInside("evidence/library", "../it/./b.csv")).toBe("evidence/it/b.csv");
    expect(resolveInside("evidence", "../../x")).toBeNull();
    expect(resolveInside("evidence", "/etc/passwd")).toBeNull();
    expect(resolveInside("evidence", "C:\\x")).toBeNull();
  });
});
