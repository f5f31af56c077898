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

  it("gives back data JSON cannot hold (.inf, .nan, -0) and paths in any script", () => {
    const first = FileCache.empty("s");
    const data = { inf: Infinity, nan: NaN, zero: -0, list: [1, "two", null, true], text: "é ☃ \ud800" };
    first.set("evidence/ünïcode.yaml", "k1", "evidence\0", {
      data,
      diagnostics: [],
      schemaLine: null,
      textSize: 42,
    });
    first.set("evidence/plain.yaml", "k2", "evidence\0", {
      data: { a: "b" },
      diagnostics: [],
      schemaLine: null,
      textSize: 3,
    });
    const second = FileCache.parse(first.serialise(), "s");
    const odd = second.get("evidence/ünïcode.yaml", "k1");
    expect(odd?.data).toEqual(data);
    expect(Object.is((odd?.data as { zero: number }).zero, -0)).toBe(true);
    expect(odd?.textSize).toBe(42);
    expect(second.get("evidence/plain.yaml", "k2")?.data).toEqual({ a: "b" });
  });

  it("ignores a whole cache with one byte changed anywhere in it", () => {
    const first = FileCache.empty("s");
    first.set("a.yaml", "k1", "evidence\0", {
      data: { a: "text" },
      diagnostics: [],
      schemaLine: null,
      textSize: 6,
    });
    const bytes = Buffer.from(first.serialise());
    for (const at of [20, bytes.indexOf('"text"') + 2, bytes.length - 1]) {
      const damaged = Buffer.from(bytes);
      damaged[at] = damaged[at]! ^ 0x01;
      const cache = FileCache.parse(damaged, "s");
      expect(cache.get("a.yaml", "k1")).toBeUndefined();
      expect(cache.changed()).toBe(true);
    }
    expect(FileCache.parse(bytes, "s").get("a.yaml", "k1")?.data).toEqual({ a: "text" });
  });

  it("writes the entries it kept back as the bytes it read, and the same file for the same entries", () => {
    const files = minimalSubmission();
    const first = FileCache.empty("s");
    readSubmission(memoryTree(files), { asOf: "2015-01-10", cache: first });
    // Its own memory (not a pool shared with other small buffers), to tell views into it.
    const bytes = new Uint8Array(first.serialise());
    const again = FileCache.parse(bytes, "s");
    readSubmission(memoryTree(files), { asOf: "2015-01-10", cache: again });
    expect(Buffer.from(again.serialise()).equals(Buffer.from(bytes))).toBe(true);
    files["evidence/E001.yaml"] += "\n# a comment added\n";
    const third = FileCache.parse(bytes, "s");
    readSubmission(memoryTree(files), { asOf: "2015-01-10", cache: third });
    const pieces = third.serialisePieces();
    // The kept records are the very bytes read (views into them), not encoded again: the runs of
    // them before and after the changed file's record, one piece each.
    const views = pieces.filter((p) => p.buffer === bytes.buffer);
    expect(views.length).toBe(2);
    // The marker, the segment's header, the changed record, the index.
    const changed = pieces.filter((p) => p.buffer !== bytes.buffer).slice(2, -1);
    expect(changed).toHaveLength(1);
    expect(JSON.parse(Buffer.from(changed[0]!).toString("utf8")).data).toMatchObject({ id: "E001" });
    expect(FileCache.parse(third.serialise(), "s").get("evidence/E001.yaml", "x")).toBeUndefined();
  });

  describe("a run in which a few files changed appends them as a segment", () => {
    const stamp = "s";
    /** A cache file (as bytes) after a first run over `files`. */
    const firstCache = (files: Record<string, string>) => {
      const first = FileCache.empty(stamp);
      readSubmission(memoryTree(files), { asOf: "2015-01-10", cache: first });
      return Buffer.from(first.serialise());
    };
    /** The cache file after a run over `files` that starts from `bytes`: appended to when it can be. */
    const rerun = (bytes: Buffer, files: Record<string, string>) => {
      const cache = FileCache.parse(bytes, stamp);
      const result = readSubmission(memoryTree(files), { asOf: "2015-01-10", cache });
      const appendix = cache.appendPieces();
      return {
        cache,
        result,
        appended: appendix !== null,
        bytes:
          appendix === null ? Buffer.from(cache.serialise()) : Buffer.concat([bytes, ...appendix.pieces]),
      };
    };

    it("an edit, an addition and a deletion: appended, and read back as a whole write would be", () => {
      const files = minimalSubmission();
      let bytes = firstCache(files);
      files["evidence/E001.yaml"] += "\n# a comment added\n";
      files["evidence/E900.yaml"] = files["evidence/E001.yaml"]!.replace("id: E001", "id: E900");
      const gone = Object.keys(files).find(
        (f) => f.startsWith("evidence/") && f !== "evidence/E001.yaml" && f !== "evidence/E900.yaml",
      )!;
      delete files[gone];
      const run = rerun(bytes, files);
      expect(run.appended).toBe(true);
      // What was appended is small: the changed records and an index of them, not the cache again.
      expect(run.bytes.length - bytes.length).toBeLessThan(bytes.length);
      bytes = run.bytes;
      const again = rerun(bytes, files);
      // Every file now from the cache, nothing to write, and what it holds is what a whole cache holds.
      expect(again.cache.counts.misses).toBe(0);
      expect(again.cache.changed()).toBe(false);
      const whole = rerun(firstCache(files), files);
      expect(again.result.diagnostics).toEqual(whole.result.diagnostics);
      expect(JSON.stringify(again.result.submission)).toBe(JSON.stringify(whole.result.submission));
      expect(FileCache.parse(bytes, stamp).get(gone, "any")).toBeUndefined();
      // Written whole again, the cache is the very file a first run over the same files writes.
      const rewritten = FileCache.parse(bytes, stamp);
      readSubmission(memoryTree(files), { asOf: "2015-01-10", cache: rewritten });
      expect(Buffer.from(rewritten.serialise()).equals(firstCache(files))).toBe(true);
    });

    it("a torn or damaged last segment is not used; the segments before it are", () => {
      const files = minimalSubmission();
      const base = firstCache(files);
      files["evidence/E001.yaml"] += "\n# changed\n";
      const appended = rerun(base, files).bytes;
      const torn = appended.subarray(0, appended.length - 5);
      const damaged = Buffer.from(appended);
      damaged[base.length + 100] = damaged[base.length + 100]! ^ 0x01;
      for (const bytes of [torn, damaged]) {
        const cache = FileCache.parse(bytes, stamp);
        readSubmission(memoryTree(files), { asOf: "2015-01-10", cache });
        // Only the changed file is read again; the cache is then written whole, not appended to.
        expect(cache.counts.misses).toBe(1);
        expect(cache.changed()).toBe(true);
        expect(cache.appendPieces()).toBeNull();
      }
    });

    it("writes the cache whole when it holds too many segments or too many records no longer used", () => {
      const files = minimalSubmission();
      let bytes = firstCache(files);
      const segments = (b: Buffer) => b.toString("latin1").split("cse-seg ").length - 1;
      for (let i = 0; i < 3; i++) {
        files["evidence/E001.yaml"] += `\n# edit ${i}\n`;
        const cache = FileCache.parse(bytes, stamp);
        readSubmission(memoryTree(files), { asOf: "2015-01-10", cache });
        const appendix = cache.appendPieces({ maxSegments: 3, maxGrowth: 100, slackBytes: 0 });
        bytes =
          appendix === null ? Buffer.from(cache.serialise()) : Buffer.concat([bytes, ...appendix.pieces]);
      }
      expect(segments(bytes)).toBe(1);
      files["evidence/E001.yaml"] += "\n# once more\n";
      const cache = FileCache.parse(bytes, stamp);
      readSubmission(memoryTree(files), { asOf: "2015-01-10", cache });
      // At most the size of the records kept: one appended record more is too much.
      expect(cache.appendPieces({ maxSegments: 64, maxGrowth: 1, slackBytes: 0 })).toBeNull();
      expect(cache.appendPieces({ maxSegments: 64, maxGrowth: 2, slackBytes: 0 })).not.toBeNull();
    });
  });
});
