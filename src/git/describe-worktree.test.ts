import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitAll, gitRepo, writeFiles } from "../../test/helpers/git-repo.js";
import { minimalSubmission } from "../../test/helpers/minimal.js";
import { testdir } from "../../test/helpers/testdir.js";
import { WorkTree } from "../load/source-tree.js";
import { readSubmission } from "../model/read-submission.js";
import { describeWorktree, submissionPaths } from "./describe-worktree.js";
import { GitTree } from "./git-tree.js";

describe("describeWorktree", () => {
  it("gives the commit and whether the submission's files have uncommitted changes", () => {
    const dir = gitRepo({ ...minimalSubmission(), "notes.txt": "n\n" });
    const first = commitAll(dir, "first", "2014-01-01");
    const tree = new WorkTree(dir);
    const paths = submissionPaths(readSubmission(tree, { asOf: "2015-01-10" }).submission);
    expect(paths).toEqual([
      "cse.yaml",
      "criteria",
      "evidence",
      "assessment",
      "service-standards",
      "templates",
    ]);
    expect(describeWorktree(tree, paths)).toEqual({ commit: first, dirty: false });

    // A build's output and other files beside the submission do not count.
    writeFiles(dir, { "out/submission.html": "<html>", "notes.txt": "changed\n" });
    expect(describeWorktree(tree, paths)).toEqual({ commit: first, dirty: false });
    expect(describeWorktree(tree)).toEqual({ commit: first, dirty: true });

    writeFiles(dir, { "evidence/E003.yaml": "id: E003\n" });
    expect(describeWorktree(tree, paths)?.dirty).toBe(true);
    writeFiles(dir, { "evidence/E003.yaml": null, "assessment/self.yaml": null });
    expect(describeWorktree(tree, paths)?.dirty).toBe(true);
    const second = commitAll(dir, "second", "2014-02-01");
    expect(describeWorktree(tree, paths)).toEqual({ commit: second, dirty: false });

    // A revision is its own commit, clean by definition.
    expect(describeWorktree(GitTree.open(dir, first), paths)).toEqual({ commit: first, dirty: false });
  });

  it("works before the first commit, in a subfolder, and gives null outside git", () => {
    const dir = gitRepo({ "sub/cse.yaml": "a: 1\n" });
    expect(describeWorktree(new WorkTree(path.join(dir, "sub")))).toEqual({ commit: null, dirty: true });
    commitAll(dir, "first", "2014-01-01");
    writeFiles(dir, { "elsewhere.txt": "x\n" });
    expect(describeWorktree(new WorkTree(path.join(dir, "sub")))?.dirty).toBe(false);
    expect(describeWorktree(new WorkTree(testdir({ "cse.yaml": "a: 1\n" })))).toBeNull();
  });
});
