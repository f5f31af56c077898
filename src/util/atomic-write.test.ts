import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testdir } from "../../test/helpers/testdir.js";
import { writeFilesAtomically } from "./atomic-write.js";

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

  it("removes temporaries a killed writer left, and keeps those of a writer still running", async () => {
    const alive = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
      const dir = testdir({
        [`.a.html.${dead}.0123abcd.tmp`]: "half a pack",
        [`.a.html.${alive.pid}.89abcdef.tmp`]: "being written",
        ".keep.me": "not ours",
      });
      writeFilesAtomically([{ path: path.join(dir, "a.html"), content: "new a" }]);
      expect(fs.readdirSync(dir).sort()).toEqual([`.a.html.${alive.pid}.89abcdef.tmp`, ".keep.me", "a.html"]);
    } finally {
      alive.kill("SIGKILL");
    }
  });
});
