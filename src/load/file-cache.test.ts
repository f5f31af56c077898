import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../../test/helpers/minimal.js";
import { MemoryTree } from "../../test/helpers/memory-tree.js";
import { FileCache } from "./file-cache.js";
import { loadSubmission } from "./load-submission.js";

const memoryTree = (files: Record<string, string>) =>
  new MemoryTree(new Map(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)])));

describe("FileCache", () => {
  it("a second load takes every well-formed file from the cache and gives the same result", () => {
    const files = minimalSubmission();
    files["evidence/bad.yaml"] = "id: [unclosed\n";
    const tree = memoryTree(files);
    const first = FileCache.empty("stamp");
    const a = loadSubmission(tree, { cache: first });
    expect(first.counts).toEqual({ hits: 0, misses: Object.keys(files).length });
    const second = FileCache.parse(first.serialise(), "stamp");
    const b = loadSubmission(tree, { cache: second });
    // The file with a syntax error is never kept: it is read afresh each time.
    expect(second.counts).toEqual({ hits: Object.keys(files).length - 1, misses: 1 });
    expect(b.diagnostics).toEqual(a.diagnostics);
    expect(b.files.map((f) => [f.kind, f.yaml.file, f.yaml.data, f.yaml.ok])).toEqual(
      a.files.map((f) => [f.kind, f.yaml.file, f.yaml.data, f.yaml.ok]),
    );
    // Positions still work on a file taken from the cache (its document is parsed on demand).
    const cached = b.files.find((f) => f.yaml.file === "cse.yaml")!.yaml;
    expect(cached.doc?.contents).toBeTruthy();
    expect(cached.lineCounter.linePos(0)).toEqual({ line: 1, col: 1 });
    expect(second.changed()).toBe(false);
  });

  it("another stamp (cse's version, the schemas) starts empty", () => {
    const tree = memoryTree(minimalSubmission());
    const first = FileCache.empty("v1");
    loadSubmission(tree, { cache: first });
    const other = FileCache.parse(first.serialise(), "v2");
    loadSubmission(tree, { cache: other });
    expect(other.counts.hits).toBe(0);
  });

  it("a file whose bytes changed is read again", () => {
    const files = minimalSubmission();
    const first = FileCache.empty("s");
    loadSubmission(memoryTree(files), { cache: first });
    files["evidence/E001.yaml"] += "\n# a comment added\n";
    const second = FileCache.parse(first.serialise(), "s");
    loadSubmission(memoryTree(files), { cache: second });
    expect(second.counts.misses).toBe(1);
    expect(second.changed()).toBe(true);
  });
});
