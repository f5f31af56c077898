import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { commitAll, gitIn, gitRepo, writeFiles, repoTemplate } from "../../test/helpers/git-repo.js";
import { minimalSubmission } from "../../test/helpers/minimal.js";
import { testdir } from "../../test/helpers/testdir.js";
import { WorkTree } from "../load/source-tree.js";
import { readSubmission } from "../model/read-submission.js";
import { GitTree } from "./git-tree.js";
import { lastChangedOfItems, readLastChanged, type FileHistory } from "./last-changed.js";

afterEach(() => {
  delete process.env.GIT_TRACE;
});

function dates(history: FileHistory): Record<string, string> {
  if (!history.known) throw new Error(history.message);
  return Object.fromEntries(
    [...history.files].map(([f, c]) => [f, `${c.date}${c.uncommitted ? " +uncommitted" : ""}`]),
  );
}

/**
 * A history: a added 2014-01-01; b added then, edited 2014-03-01; c moved unchanged; d moved and edited;
 * e deleted and added again.
 */
function makeHistory(): string {
  const dir = gitRepo({
    "cse.yaml": "a: 1\n",
    "evidence/a.yaml": "a\n",
    "evidence/b.yaml": "b\n",
    "evidence/c.yaml": "c\n",
    "evidence/d.yaml": "d\nline two\nline three\n",
    "evidence/e.yaml": "e\n",
  });
  commitAll(dir, "first", "2014-01-01");
  writeFiles(dir, { "evidence/b.yaml": "b changed\n" });
  commitAll(dir, "edit b", "2014-03-01");
  gitIn(dir, ["tag", "spring"]);
  fs.mkdirSync(path.join(dir, "evidence/moved"));
  gitIn(dir, ["mv", "evidence/c.yaml", "evidence/moved/c.yaml"]);
  commitAll(dir, "move c", "2014-05-01");
  gitIn(dir, ["mv", "evidence/d.yaml", "evidence/moved/d.yaml"]);
  writeFiles(dir, { "evidence/moved/d.yaml": "d\nline two\nline three\nline four\n" });
  commitAll(dir, "move and edit d", "2014-06-01");
  writeFiles(dir, { "evidence/e.yaml": null });
  commitAll(dir, "drop e", "2014-07-01");
  writeFiles(dir, { "evidence/e.yaml": "e again\n" });
  commitAll(dir, "restore e", "2014-08-01");
  return dir;
}

/** Made once for the file, copied for each test. */
const historyCopy = repoTemplate(() => ({ dir: makeHistory() }));
const history = (): string => historyCopy().dir;

const FILES = [
  "evidence/a.yaml",
  "evidence/b.yaml",
  "evidence/moved/c.yaml",
  "evidence/moved/d.yaml",
  "evidence/e.yaml",
];

describe("readLastChanged", () => {
  it("dates each file by its last commit, following unchanged renames", () => {
    const dir = history();
    expect(dates(readLastChanged(new WorkTree(dir), FILES))).toEqual({
      "evidence/a.yaml": "2014-01-01",
      "evidence/b.yaml": "2014-03-01",
      "evidence/moved/c.yaml": "2014-01-01",
      "evidence/moved/d.yaml": "2014-06-01",
      "evidence/e.yaml": "2014-08-01",
    });
  });

  it("reads history up to a revision, not beyond", () => {
    const dir = history();
    const spring = GitTree.open(dir, "spring");
    expect(dates(readLastChanged(spring, ["evidence/b.yaml", "evidence/c.yaml", "evidence/e.yaml"]))).toEqual(
      {
        "evidence/b.yaml": "2014-03-01",
        "evidence/c.yaml": "2014-01-01",
        "evidence/e.yaml": "2014-01-01",
      },
    );
  });

  it("marks work-tree changes and files never committed", () => {
    const dir = history();
    writeFiles(dir, { "evidence/a.yaml": "a edited\n", "evidence/new.yaml": "n\n" });
    const h = readLastChanged(new WorkTree(dir), [
      "evidence/a.yaml",
      "evidence/new.yaml",
      "evidence/b.yaml",
      "evidence/gone.yaml",
    ]);
    expect(dates(h)).toEqual({
      "evidence/a.yaml": "2014-01-01 +uncommitted",
      "evidence/new.yaml": "null +uncommitted",
      "evidence/b.yaml": "2014-03-01",
      "evidence/gone.yaml": "null",
    });
  });

  it("works for a submission in a subfolder, with root-relative paths", () => {
    const dir = gitRepo({ "other.txt": "x\n", "sub/cse.yaml": "a: 1\n", "sub/evidence/a.yaml": "a\n" });
    commitAll(dir, "first", "2014-01-01");
    writeFiles(dir, { "other.txt": "y\n" });
    commitAll(dir, "outside the submission", "2014-02-01");
    writeFiles(dir, { "sub/evidence/a.yaml": "a2\n" });
    commitAll(dir, "inside", "2014-03-01");
    const h = readLastChanged(new WorkTree(path.join(dir, "sub")), ["evidence/a.yaml", "cse.yaml"]);
    expect(dates(h)).toEqual({ "evidence/a.yaml": "2014-03-01", "cse.yaml": "2014-01-01" });
  });

  it("reads the whole history in one git log, however many files", () => {
    const files: Record<string, string> = { "cse.yaml": "a: 1\n" };
    for (let i = 0; i < 40; i++) files[`evidence/e${i}.yaml`] = `id: e${i}\n`;
    const dir = gitRepo(files);
    commitAll(dir, "first", "2014-01-01");
    for (let i = 0; i < 40; i += 4)
      writeFiles(dir, { [`evidence/e${i}.yaml`]: `id: e${i}\nchanged: true\n` });
    commitAll(dir, "second", "2014-02-01");
    const trace = path.join(testdir({}), "trace.log");
    process.env.GIT_TRACE = trace;
    const h = readLastChanged(new WorkTree(dir), Object.keys(files));
    expect(Object.values(dates(h)).filter((d) => d === "2014-02-01")).toHaveLength(10);
    expect(
      fs
        .readFileSync(trace, "utf8")
        .split("\n")
        .filter((l) => /built-in: git log/.test(l)),
    ).toHaveLength(1);
  });

  it("says the dates are unknown in a shallow clone, and outside git", () => {
    const dir = history();
    const clone = path.join(testdir({}), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${dir}`, clone], { stdio: "ignore" });
    const shallow = readLastChanged(new WorkTree(clone), FILES);
    expect(shallow).toMatchObject({ known: false, reason: "shallow" });
    expect(!shallow.known && shallow.message).toMatch(/shallow clone .* last-changed dates are unknown/);

    const plain = readLastChanged(new WorkTree(testdir({ "cse.yaml": "a: 1\n" })), ["cse.yaml"]);
    expect(plain).toMatchObject({ known: false, reason: "not-a-repository" });
  });

  it("a folder outside git is asked about again once a repository is made there", () => {
    const dir = testdir({ "cse.yaml": "a: 1\n" });
    // The second answer is remembered (cse preview asks on every rebuild): the same, without git.
    for (let i = 0; i < 2; i++)
      expect(readLastChanged(new WorkTree(dir), ["cse.yaml"])).toMatchObject({ reason: "not-a-repository" });
    execFileSync("git", ["init", "-q"], { cwd: dir });
    expect(readLastChanged(new WorkTree(dir), ["cse.yaml"])).toMatchObject({ known: true });
  });
});

describe("lastChangedOfItems", () => {
  it("dates an item by its YAML file or its attachments, whichever changed last", () => {
    const files = minimalSubmission();
    files["evidence/E001.yaml"] += "files: [scan.pdf]\n";
    const dir = gitRepo({ ...files, "evidence/scan.pdf": "v1" });
    commitAll(dir, "first", "2014-01-01");
    writeFiles(dir, { "evidence/scan.pdf": "v2" });
    commitAll(dir, "new scan", "2014-04-01");
    writeFiles(dir, {
      "evidence/case-studies/CS01.yaml": files["evidence/case-studies/CS01.yaml"] + "status: ready\n",
    });
    const { submission } = readSubmission(new WorkTree(dir), { asOf: "2015-01-10" });
    const h = lastChangedOfItems(submission);
    expect(h.known && Object.fromEntries(h.items)).toEqual({
      E001: { date: "2014-04-01", commit: expect.stringMatching(/^[0-9a-f]{40}$/), uncommitted: false },
      E002: { date: "2014-01-01", commit: expect.stringMatching(/^[0-9a-f]{40}$/), uncommitted: false },
      CS01: { date: "2014-01-01", commit: expect.stringMatching(/^[0-9a-f]{40}$/), uncommitted: true },
    });
  });
});
