import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FileCache } from "../../src/load/file-cache.js";
import { SETTLED_MS, WorkTree } from "../../src/load/source-tree.js";
import { readSubmission } from "../../src/model/read-submission.js";
import { minimalSubmission } from "../helpers/minimal.js";
import { testdir } from "../helpers/testdir.js";

const AS_OF = "2015-01-10";

/** A tree whose clock runs `ahead` ms in front of the real one: files look that much older. */
const treeAt = (dir: string, ahead: number) => new WorkTree(dir, { now: () => Date.now() + ahead });

/** One run with the cache of the run before (through its file form, as the CLI keeps it). */
function run(dir: string, previous: FileCache | null, ahead: number) {
  const cache = previous === null ? FileCache.empty("s") : FileCache.parse(previous.serialise(), "s");
  const checked = readSubmission(treeAt(dir, ahead), { asOf: AS_OF, cache });
  return { cache, diagnostics: checked.diagnostics, submission: checked.submission };
}

const plain = (dir: string) => readSubmission(new WorkTree(dir), { asOf: AS_OF }).diagnostics;

describe("--cache's signature shortcut", () => {
  it("takes settled, unchanged files without reading them, with the output of a run without the cache", () => {
    const files = minimalSubmission();
    // A file-level warning and a cross-reference error, so both kinds of diagnostic come through.
    files["evidence/E001.yaml"] = files["evidence/E001.yaml"]!.replace(/"1\.1\.1"/, '"9.9.9"');
    const dir = testdir(files);
    const later = SETTLED_MS + 5000;
    const first = run(dir, null, later);
    expect(first.cache.unread).toBe(0);
    const second = run(dir, first.cache, later);
    expect(second.cache.unread).toBe(second.cache.counts.hits);
    expect(second.cache.counts.misses).toBe(0);
    expect(second.diagnostics).toEqual(plain(dir));
    expect(second.diagnostics.some((d) => d.message.includes("9.9.9"))).toBe(true);
    expect(second.cache.changed()).toBe(false);
  });

  it("reads a file again when it changed, even to the same size with its old modification time", () => {
    const dir = testdir(minimalSubmission());
    const later = SETTLED_MS + 5000;
    const first = run(dir, null, later);
    const file = path.join(dir, "evidence/E001.yaml");
    const { atime, mtime } = fs.statSync(file);
    const text = fs.readFileSync(file, "utf8");
    // The same number of bytes, the modification time put back: only the change time tells.
    fs.writeFileSync(file, text.replace(/"1\.1\.1"/, '"9.9.9"'));
    fs.utimesSync(file, atime, mtime);
    const second = run(dir, first.cache, later);
    expect(second.cache.counts.misses).toBe(1);
    expect(second.diagnostics).toEqual(plain(dir));
    expect(second.diagnostics.some((d) => d.message.includes("9.9.9"))).toBe(true);
  });

  it("keeps no signature for a racy file (changed just before it was read): it is hashed again", () => {
    const dir = testdir(minimalSubmission());
    // The real clock: every file was written a moment ago.
    const first = run(dir, null, 0);
    const second = run(dir, first.cache, 0);
    expect(second.cache.unread).toBe(0);
    expect(second.cache.counts.misses).toBe(0);
    expect(second.diagnostics).toEqual(plain(dir));
    // Once read when settled, the signature is kept (the cache changed to hold it) and used.
    const third = run(dir, second.cache, SETTLED_MS + 5000);
    expect(third.cache.unread).toBe(0);
    expect(third.cache.changed()).toBe(true);
    const fourth = run(dir, third.cache, SETTLED_MS + 5000);
    expect(fourth.cache.unread).toBe(fourth.cache.counts.hits);
  });

  it("a file replaced by a link is judged by where the link leads, not by the kept signature", () => {
    const dir = testdir(minimalSubmission());
    const outside = testdir({ "E001.yaml": fs.readFileSync(path.join(dir, "evidence/E001.yaml"), "utf8") });
    const later = SETTLED_MS + 5000;
    const first = run(dir, null, later);
    fs.rmSync(path.join(dir, "evidence/E001.yaml"));
    fs.symlinkSync(path.join(outside, "E001.yaml"), path.join(dir, "evidence/E001.yaml"));
    const second = run(dir, first.cache, later);
    expect(second.cache.unread).toBe(second.cache.counts.hits);
    expect(second.diagnostics).toEqual(plain(dir));
    expect(second.diagnostics.some((d) => d.code === "outside-root")).toBe(true);
  });
});
