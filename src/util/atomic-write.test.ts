import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testdir } from "../../test/helpers/testdir.js";
import { atomicWriteHooks, writeFilesAtomically } from "./atomic-write.js";

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), "utf8");

describe("writeFilesAtomically", () => {
  it("writes every file and leaves nothing else", () => {
    const dir = testdir({});
    writeFilesAtomically([
      { path: path.join(dir, "a.html"), content: "new a" },
      { path: path.join(dir, "b.pdf"), content: new Uint8Array([1, 2, 3]) },
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(["a.html", "b.pdf"]);
    expect(read(dir, "a.html")).toBe("new a");
  });

  it("a folder in the second file's place fails the write before the first file is replaced", () => {
    const dir = testdir({ "a.html": "old a", "b.pdf/x": "" });
    expect(() =>
      writeFilesAtomically([
        { path: path.join(dir, "a.html"), content: "new a" },
        { path: path.join(dir, "b.pdf"), content: "new b" },
      ]),
    ).toThrow(/in the way/);
    expect(read(dir, "a.html")).toBe("old a");
    expect(fs.readdirSync(dir).sort()).toEqual(["a.html", "b.pdf"]);
  });

  it("a write that fails half-way removes its temporaries and leaves the old files", () => {
    const dir = testdir({ "a.html": "old a" });
    expect(() =>
      writeFilesAtomically([
        { path: path.join(dir, "a.html"), content: "new a" },
        { path: path.join(dir, "missing-folder/b.pdf"), content: "new b" },
      ]),
    ).toThrow(/ENOENT/);
    expect(read(dir, "a.html")).toBe("old a");
    expect(fs.readdirSync(dir)).toEqual(["a.html"]);
  });

  it("removes staging folders a killed writer left, and keeps those of a writer still running", async () => {
    const alive = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
      const mark =
        "A staging folder of cse: removed when the write ends, or by a later write if cse was stopped.\n";
      const dir = testdir({
        [`.cse-staging-${dead}-aB3dE6/made-by-cse`]: mark,
        [`.cse-staging-${dead}-aB3dE6/0.new`]: "half a pack",
        [`.cse-staging-${alive.pid}-xY7zW1/made-by-cse`]: mark,
        ".keep.me": "not ours",
      });
      writeFilesAtomically([{ path: path.join(dir, "a.html"), content: "new a" }]);
      expect(fs.readdirSync(dir).sort()).toEqual([`.cse-staging-${alive.pid}-xY7zW1`, ".keep.me", "a.html"]);
    } finally {
      alive.kill("SIGKILL");
    }
  });

  // A committed file shaped like an old temporary was once deleted by a build (B10).
  it("never removes a file or folder only because its name looks like a temporary", () => {
    const dead = 2 ** 22 + 12345;
    const dir = testdir({
      ".minutes.4000000.deadbeef.tmp": "committed minutes",
      [`.cse-staging-${dead}-aB3dE6/notes.md`]: "a folder without cse's mark",
      [`.cse-staging-${dead}-zZ9zZ9/made-by-cse`]: "a mark that is not cse's",
    });
    writeFilesAtomically([{ path: path.join(dir, "a.html"), content: "new a" }]);
    expect(fs.readdirSync(dir).sort()).toEqual([
      `.cse-staging-${dead}-aB3dE6`,
      `.cse-staging-${dead}-zZ9zZ9`,
      ".minutes.4000000.deadbeef.tmp",
      "a.html",
    ]);
  });

  // B7: a failure at any rename leaves the earlier set whole, not a new file beside an old one.
  it.each([0, 1, 2])("a failure before rename %i puts back every file already renamed", (failAt) => {
    const dir = testdir({ "a.html": "old a", "b.pdf": "old b" });
    atomicWriteHooks.beforeRename = (_target, index) => {
      if (index === failAt) throw Object.assign(new Error("injected"), { code: "EIO" });
    };
    try {
      expect(() =>
        writeFilesAtomically([
          { path: path.join(dir, "a.html"), content: "new a" },
          { path: path.join(dir, "b.pdf"), content: "new b" },
          { path: path.join(dir, "c.docx"), content: "new c" },
        ]),
      ).toThrow(/injected/);
    } finally {
      atomicWriteHooks.beforeRename = undefined;
    }
    expect(fs.readdirSync(dir).sort()).toEqual(["a.html", "b.pdf"]);
    expect([read(dir, "a.html"), read(dir, "b.pdf")]).toEqual(["old a", "old b"]);
  });
});

// B7 with a real kill: a writer killed at any rename (or while putting files back) leaves a
// journal, and the next write into the folder finishes that set before anything else.
describe("a writer killed between renames", () => {
  const moduleUrl = new URL("../../dist/util/atomic-write.js", import.meta.url).href;
  const names = ["a.html", "b.pdf", "c.docx"];

  /** Runs a writer of new a, b, c in a child process that kills itself at the planned moment. */
  function killedWriter(
    dir: string,
    killAt: { rename: number } | { failAt: number; restore: number },
  ): number {
    const script = `
      import { atomicWriteHooks, writeFilesAtomically } from ${JSON.stringify(moduleUrl)};
      const killAt = ${JSON.stringify(killAt)};
      let restores = 0;
      atomicWriteHooks.beforeRename = (_t, i) => {
        if (i === killAt.rename) process.kill(process.pid, "SIGKILL");
        if (i === killAt.failAt) throw Object.assign(new Error("injected"), { code: "EIO" });
      };
      atomicWriteHooks.beforeRestore = () => {
        if (restores++ === killAt.restore) process.kill(process.pid, "SIGKILL");
      };
      writeFilesAtomically(${JSON.stringify(names)}.map((n) => ({
        path: ${JSON.stringify(dir)} + "/" + n, content: "new " + n[0] })));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script]);
    return r.signal === "SIGKILL" ? 1 : 0;
  }

  const contents = (dir: string) =>
    names.map((n) => (fs.existsSync(path.join(dir, n)) ? read(dir, n) : null));

  it.each([0, 1, 2])("killed before rename %i: the next write finishes the new set", (k) => {
    const dir = testdir({ "a.html": "old a", "b.pdf": "old b" });
    expect(killedWriter(dir, { rename: k })).toBe(1);
    // Until the next write, what the killed writer had renamed is new and the rest is earlier.
    expect(contents(dir)).toEqual(
      names.map((n, i) => (i < k ? `new ${n[0]}` : n === "c.docx" ? null : `old ${n[0]}`)),
    );
    writeFilesAtomically([{ path: path.join(dir, "other.txt"), content: "x" }]);
    expect(contents(dir)).toEqual(["new a", "new b", "new c"]);
    expect(fs.readdirSync(dir).sort()).toEqual([...names, "other.txt"].sort());
  });

  it.each([
    [1, 0],
    [2, 0],
    [2, 1],
  ])(
    "failing at rename %i and killed while putting back file %i: the next write restores the earlier set",
    (failAt, restore) => {
      const dir = testdir({ "a.html": "old a", "b.pdf": "old b" });
      expect(killedWriter(dir, { failAt, restore })).toBe(1);
      writeFilesAtomically([{ path: path.join(dir, "other.txt"), content: "x" }]);
      expect(contents(dir)).toEqual(["old a", "old b", null]);
      expect(fs.readdirSync(dir).sort()).toEqual(["a.html", "b.pdf", "other.txt"]);
    },
  );

  it("a journal naming a path outside its folder is not followed", () => {
    const dead = 2 ** 22 + 12345;
    const mark =
      "A staging folder of cse: removed when the write ends, or by a later write if cse was stopped.\n";
    const outside = testdir({ "victim.txt": "keep me" });
    const dir = testdir({
      [`.cse-staging-${dead}-aB3dE6/made-by-cse`]: mark,
      [`.cse-staging-${dead}-aB3dE6/0.new`]: "hostile",
      [`.cse-staging-${dead}-aB3dE6/plan.json`]: JSON.stringify([
        { new: "0.new", old: null, target: `../${path.basename(outside)}/victim.txt` },
      ]),
      [`.cse-staging-${dead}-aB3dE6/commit`]: "",
    });
    writeFilesAtomically([{ path: path.join(dir, "a.html"), content: "new a" }]);
    expect(read(outside, "victim.txt")).toBe("keep me");
    expect(fs.readdirSync(dir)).toEqual(["a.html"]);
  });
});
