import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { commitAll, gitIn, gitRepo, writeFiles } from "../../test/helpers/git-repo.js";
import { testdir } from "../../test/helpers/testdir.js";
import { TooLargeError, WorkTree } from "../load/source-tree.js";
import { GitError } from "./git-command.js";
import { GitTree } from "./git-tree.js";

const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");

afterEach(() => {
  delete process.env.GIT_TRACE;
});

describe("GitTree", () => {
  it("reads a revision, not the work tree", () => {
    const dir = gitRepo({ "cse.yaml": "organisation: One\n", "evidence/a.yaml": "id: a\n" });
    commitAll(dir, "first", "2014-01-01");
    gitIn(dir, ["tag", "v1"]);
    writeFiles(dir, {
      "cse.yaml": "organisation: Two\n",
      "evidence/a.yaml": null,
      "evidence/new.yaml": "id: new\n",
    });
    commitAll(dir, "second", "2014-02-01");
    writeFiles(dir, { "cse.yaml": "organisation: Three (uncommitted)\n" });

    const v1 = GitTree.open(dir, "v1");
    expect(text(v1.read("cse.yaml"))).toBe("organisation: One\n");
    expect(v1.list("evidence")).toEqual([{ name: "a.yaml", kind: "file" }]);
    expect(v1.stat("evidence/new.yaml")).toEqual({ kind: "missing" });
    expect(v1.root).toBe(dir);

    const head = GitTree.open(dir, "HEAD");
    expect(text(head.read("cse.yaml"))).toBe("organisation: Two\n");
    expect(head.list("evidence").map((e) => e.name)).toEqual(["new.yaml"]);
    expect(head.list("")).toEqual([
      { name: "cse.yaml", kind: "file" },
      { name: "evidence", kind: "dir" },
    ]);
    expect(head.stat("evidence")).toEqual({ kind: "dir" });
    expect(head.stat("cse.yaml")).toEqual({ kind: "file", size: 18 });
    // The work tree is untouched.
    expect(fs.readFileSync(path.join(dir, "cse.yaml"), "utf8")).toBe("organisation: Three (uncommitted)\n");
  });

  it("reads a submission in a subfolder with paths relative to its root", () => {
    const dir = gitRepo({
      README: "x",
      "dept/sub/cse.yaml": "organisation: Sub\n",
      "dept/sub/evidence/e.yaml": "id: e\n",
    });
    commitAll(dir, "first", "2014-01-01");
    const tree = GitTree.open(path.join(dir, "dept/sub"), "HEAD");
    expect(tree.root).toBe(path.join(dir, "dept/sub"));
    expect(text(tree.read("evidence/e.yaml"))).toBe("id: e\n");
    expect(tree.stat("README")).toEqual({ kind: "missing" });
    expect(tree.stat("../../README")).toEqual({ kind: "outside" });
  });

  it("follows links inside the root and reports links that leave it", () => {
    const dir = gitRepo({
      "dept/sub/cse.yaml": "x: 1\n",
      "dept/sub/evidence/real.pdf": "PDF",
      "dept/shared.pdf": "S",
    });
    const sub = path.join(dir, "dept/sub");
    fs.symlinkSync("real.pdf", path.join(sub, "evidence/alias.pdf"));
    fs.symlinkSync("../../shared.pdf", path.join(sub, "evidence/out.pdf"));
    fs.symlinkSync("/etc/passwd", path.join(sub, "evidence/abs.pdf"));
    fs.symlinkSync("evidence", path.join(sub, "ev-link"));
    fs.symlinkSync("nowhere.pdf", path.join(sub, "evidence/broken.pdf"));
    fs.symlinkSync("loop2", path.join(sub, "loop1"));
    fs.symlinkSync("loop1", path.join(sub, "loop2"));
    commitAll(dir, "links", "2014-01-01");

    const tree = GitTree.open(sub, "HEAD");
    expect(tree.list("evidence")).toEqual([
      { name: "abs.pdf", kind: "outside" },
      { name: "alias.pdf", kind: "file" },
      { name: "broken.pdf", kind: "other" },
      { name: "out.pdf", kind: "outside" },
      { name: "real.pdf", kind: "file" },
    ]);
    expect(text(tree.read("evidence/alias.pdf"))).toBe("PDF");
    expect(tree.stat("ev-link")).toEqual({ kind: "dir" });
    expect(tree.stat("ev-link/real.pdf")).toEqual({ kind: "file", size: 3 });
    expect(tree.list("").find((e) => e.name === "ev-link")).toEqual({ name: "ev-link", kind: "other" });
    expect(tree.stat("loop1")).toEqual({ kind: "missing" });
    expect(tree.stat("evidence/out.pdf")).toEqual({ kind: "outside" });
    expect(() => tree.read("evidence/out.pdf")).toThrow(/ENOENT/);
    expect(tree.objectId("evidence/alias.pdf")).toBe(tree.objectId("evidence/real.pdf"));
    // The same answers as the work tree gives for the same files.
    const work = new WorkTree(sub);
    expect(tree.list("evidence")).toEqual(work.list("evidence"));
    expect(tree.list("")).toEqual(work.list(""));
    for (const p of [
      "ev-link",
      "ev-link/real.pdf",
      "loop1",
      "evidence/out.pdf",
      "evidence/broken.pdf",
      "evidence/alias.pdf",
      "../shared.pdf",
    ]) {
      expect(tree.stat(p)).toEqual(work.stat(p));
    }
  });

  it("reads every YAML file through a single git cat-file --batch", () => {
    const files: Record<string, string> = { "cse.yaml": "a: 1\n" };
    for (let i = 0; i < 50; i++) files[`evidence/e${i}.yaml`] = `id: e${i}\n`;
    for (let i = 0; i < 5; i++) files[`evidence/files/f${i}.bin`] = `binary ${i}`;
    const dir = gitRepo(files);
    commitAll(dir, "many", "2014-01-01");
    const trace = path.join(testdir({}), "trace.log");
    process.env.GIT_TRACE = trace;
    const tree = GitTree.open(dir, "HEAD");
    for (let i = 0; i < 50; i++) expect(text(tree.read(`evidence/e${i}.yaml`))).toBe(`id: e${i}\n`);
    for (let i = 0; i < 5; i++) expect(text(tree.read(`evidence/files/f${i}.bin`))).toBe(`binary ${i}`);
    // Read again after being handed out: fetched afresh, still correct.
    expect(text(tree.read("evidence/files/f0.bin"))).toBe("binary 0");
    const catFiles = fs
      .readFileSync(trace, "utf8")
      .split("\n")
      .filter((l) => /built-in: git cat-file/.test(l));
    // One batch for the YAML, one read-ahead batch for all attachments, one for the re-read.
    expect(catFiles).toHaveLength(3);
  });

  it("refuses a file larger than the caller allows", () => {
    const dir = gitRepo({ "cse.yaml": "a: 1\n", "big.bin": "x".repeat(1000) });
    commitAll(dir, "big", "2014-01-01");
    expect(() => GitTree.open(dir, "HEAD").read("big.bin", 100)).toThrow(TooLargeError);
  });

  it("says clearly when the revision, the folder or the repository is wrong", () => {
    const dir = gitRepo({ "cse.yaml": "a: 1\n" });
    commitAll(dir, "first", "2014-01-01");
    expect(() => GitTree.open(dir, "no-such-tag")).toThrow(GitError);
    expect(() => GitTree.open(dir, "no-such-tag")).toThrow(/unknown revision "no-such-tag"/);
    expect(() => GitTree.open(dir, "--output=/tmp/x")).toThrow(/unknown revision/);
    fs.mkdirSync(path.join(dir, "later"));
    expect(() => GitTree.open(path.join(dir, "later"), "HEAD")).toThrow(
      /folder later\/ did not exist at HEAD/,
    );
    const plain = testdir({ "cse.yaml": "a: 1\n" });
    expect(() => GitTree.open(plain, "HEAD")).toThrow(/not inside a git repository; --ref needs one/);
  });
});
