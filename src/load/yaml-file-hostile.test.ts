import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostic.js";
import { parseYamlFile, toPosition, YAML_LIMITS } from "./yaml-file.js";

// Regression tests for what fuzzing found in the YAML reader, and the guards of issue 9.

const enc = (s: string) => new TextEncoder().encode(s);

function parse(text: string | Uint8Array): { out: Diagnostic[]; file: ReturnType<typeof parseYamlFile> } {
  const out: Diagnostic[] = [];
  const file = parseYamlFile("a.yaml", typeof text === "string" ? enc(text) : text, out);
  return { out, file };
}

describe("nesting past the limit is a yaml-limit, however it is written", () => {
  it.each([
    ["flow brackets", `a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`],
    ["flow mappings", `a: ${"{b: ".repeat(10_000)}x${"}".repeat(10_000)}\n`],
    // Found by fuzzing: compact sequences on one line escaped the old indentation scan and
    // overflowed yaml's stack ("Maximum call stack size exceeded" reported as yaml-syntax).
    ["compact block sequences", `${"- ".repeat(10_000)}x\n`],
    ["compact explicit keys", `${"? ".repeat(10_000)}x\n`],
    ["block indentation", `${Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} x\n`],
    ["a quote that hides brackets from a text scan", `a: x "\nb: ${"[".repeat(5_000)}${"]".repeat(5_000)}\n`],
  ])("%s", (_, text) => {
    const { out, file } = parse(text);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ code: "yaml-limit", severity: "error" });
    expect(out[0]!.message).toMatch(/nests collections more than \d+ levels deep/);
    expect(file.ok).toBe(false);
  });

  it("allows nesting up to the limit", () => {
    const depth = Math.floor(YAML_LIMITS.maxDepth / 2) - 5;
    const { out, file } = parse(`a: ${"[".repeat(depth)}${"]".repeat(depth)}\n`);
    expect(out).toEqual([]);
    expect(file.ok).toBe(true);
  });
});

describe("positions", () => {
  // Found by fuzzing: yaml's parser reports no line breaks inside a token it rejects, so the
  // positions of everything after such a token were on the wrong line (column 145 of a 76
  // character line). Lines are now counted from the text itself.
  it("stay right after a multi-line token the parser rejected", () => {
    const text = "x\n#\nk: |\n  a\n  b\nz: 1\n";
    const { file } = parse(text);
    expect(toPosition(file.lineCounter, text.indexOf("z: 1"))).toEqual({ line: 6, column: 1 });
  });

  it("count a CRLF file's lines and columns as an editor shows them", () => {
    const { out } = parse("id: a\r\ntitle: b\r\ntitle: c\r\n");
    expect(out).toMatchObject([{ code: "duplicate-key", line: 3, column: 1 }]);
  });

  it("start after a byte-order mark", () => {
    const { out } = parse("\uFEFFid: a\ntitle: [\n");
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ code: "yaml-syntax" });
    expect(out[0]!.line).toBeLessThanOrEqual(3);
  });
});

describe("odd but harmless input", () => {
  it("a tab used for indentation is a clear yaml-syntax error at its line", () => {
    const { out } = parse("id: x\nelements:\n\t- a\n");
    expect(out).toMatchObject([{ code: "yaml-syntax", line: 3, column: 1 }]);
    expect(out[0]!.message).toMatch(/tab/i);
  });

  it("a tab after a key's colon is fine", () => {
    const { out, file } = parse("id:\tx\n");
    expect(out).toEqual([]);
    expect(file.data).toEqual({ id: "x" });
  });

  it("invalid UTF-8 is reported at the byte's line and column, not as a crash", () => {
    const { out } = parse(new Uint8Array([...enc("a: 1\nb: é"), 0xc3, 0x28, ...enc("\n")]));
    expect(out).toMatchObject([{ code: "yaml-syntax", line: 2, column: 5 }]);
    expect(out[0]!.message).toMatch(/not valid UTF-8/);
  });

  it("a mapping key that is itself a collection reads without a process warning", () => {
    // yaml warns on stderr when it stringifies such a key, unless told to keep quiet.
    const warnings: string[] = [];
    const listener = (w: Error) => warnings.push(w.message);
    process.on("warning", listener);
    try {
      const { file } = parse("? [a, b]\n: 1\n");
      expect(file.ok).toBe(true);
    } finally {
      process.off("warning", listener);
    }
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        expect(warnings).toEqual([]);
        resolve();
      }),
    );
  });

  it("a __proto__ key stays data and pollutes nothing", () => {
    const { file } = parse("__proto__:\n  polluted: yes\nconstructor: 1\n");
    expect(Object.getPrototypeOf(file.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(file.data as object)).toEqual(["__proto__", "constructor"]);
  });

  it("an alias bomb is a yaml-limit before it expands", () => {
    const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    const { out } = parse(lines.join("\n") + "\n");
    expect(out).toMatchObject([{ code: "yaml-limit", line: 2 }]);
    expect(out[0]!.message).toMatch(/aliases/);
  });
});
