import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../../test/helpers/minimal.js";
import { MemoryTree } from "../../test/helpers/memory-tree.js";
import { FileCache } from "./file-cache.js";
import { readSubmission } from "../model/read-submission.js";

const memoryTree = (files: Record<string, string>) =>
  new MemoryTree(new Map(Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)])));

describe("FileCache", () => {
  it("a second load takes every well-formed file from the cache and gives the same result", () => {
    const files = minimalSubmission();
    files["evidence/bad.yaml"] = "id: [unclosed\n";
    const tree = memoryTree(files);
    const first = FileCache.empty("stamp");
    const a = readSubmission(tree, { asOf: "2015-01-10", cache: first });
    expect(first.counts).toEqual({ hits: 0, misses: Object.keys(files).length });
    const second = FileCache.parse(first.serialise(), "stamp");
    const b = readSubmission(tree, { asOf: "2015-01-10", cache: second });
    // The file with a syntax error is never kept: it is read afresh each time.
    expect(second.counts).toEqual({ hits: Object.keys(files).length - 1, misses: 1 });
    expect(b.diagnostics).toEqual(a.diagnostics);
    expect(JSON.stringify(b.submission.config)).toEqual(JSON.stringify(a.submission.config));
    expect(b.submission.evidence.map((e) => e.id)).toEqual(a.submission.evidence.map((e) => e.id));
    expect(second.changed()).toBe(false);
  });

  it("another stamp (cse's version, the schemas) starts empty", () => {
    const tree = memoryTree(minimalSubmission());
    const first = FileCache.empty("v1");
    readSubmission(tree, { asOf: "2015-01-10", cache: first });
    const other = FileCache.parse(first.serialise(), "v2");
    readSubmission(tree, { asOf: "2015-01-10", cache: other });
    expect(other.counts.hits).toBe(0);
  });

  it("a file whose bytes changed is read again", () => {
    const files = minimalSubmission();
    const first = FileCache.empty("s");
    readSubmission(memoryTree(files), { asOf: "2015-01-10", cache: first });
    files["evidence/E001.yaml"] += "\n# a comment added\n";
    const second = FileCache.parse(first.serialise(), "s");
    readSubmission(memoryTree(files), { asOf: "2015-01-10", cache: second });
    expect(second.counts.misses).toBe(1);
    expect(second.changed()).toBe(true);
  });
});
