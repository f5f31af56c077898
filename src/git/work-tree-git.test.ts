import { beforeEach, describe, expect, it, vi } from "vitest";
import { commitAll, gitIn, gitRepo, writeFiles } from "../../test/helpers/git-repo.js";
import { minimalSubmission } from "../../test/helpers/minimal.js";
import { assembleDocument } from "../cli/actions/build.js";
import { WorkTree } from "../load/source-tree.js";
import { readSubmission } from "../model/read-submission.js";
import { describeWorktree, submissionPaths } from "./describe-worktree.js";
import { runGit } from "./git-command.js";
import type * as GitCommand from "./git-command.js";
import { touchesAny } from "./work-tree-git.js";

// Every git run is counted (the real git still runs).
vi.mock("./git-command.js", async (original) => {
  const real = await original<typeof GitCommand>();
  return { ...real, runGit: vi.fn(real.runGit) };
});
const gitRuns = vi.mocked(runGit);
const statusRuns = () => gitRuns.mock.calls.filter(([, args]) => args.includes("status")).length;

beforeEach(() => {
  gitRuns.mockClear();
});

describe("touchesAny", () => {
  const changes = (current: string[], touched = current) => ({
    current: new Set(current),
    touched: new Set(touched),
  });

  it("matches a path named, a file below a folder named, or anything for '.'", () => {
    const c = changes(["evidence/E1.yaml"]);
    expect(touchesAny(c, ["evidence/E1.yaml"])).toBe(true);
    expect(touchesAny(c, ["evidence"])).toBe(true);
    expect(touchesAny(c, ["./evidence/"])).toBe(true);
    expect(touchesAny(c, ["."])).toBe(true);
    expect(touchesAny(c, ["evidence/E1"])).toBe(false);
    expect(touchesAny(c, ["evid"])).toBe(false);
    expect(touchesAny(c, ["cse.yaml", "assessment"])).toBe(false);
    expect(touchesAny(c, [])).toBe(false);
    expect(touchesAny(changes([]), ["."])).toBe(false);
  });
});

describe("a build's git state", () => {
  it("is read with one git status, however many parts of the build ask", () => {
    const dir = gitRepo(minimalSubmission());
    commitAll(dir, "first", "2014-01-01");
    writeFiles(dir, { "evidence/E003.yaml": "id: E003\n" });
    const tree = new WorkTree(dir);
    const s = readSubmission(tree, { asOf: "2015-01-10" }).submission;
    gitRuns.mockClear();
    const doc = assembleDocument(
      tree,
      s,
      { format: "html" },
      { asOf: "2015-01-10", buildDate: "2015-01-10" },
    );
    expect(doc.build.uncommitted).toBe(true);
    expect(statusRuns()).toBe(1);
    // rev-parse for the repository and for HEAD, status, whether shallow, the history: five.
    expect(gitRuns.mock.calls.length).toBeLessThanOrEqual(5);
  });

  it("counts a file of the submission renamed to a place outside it as a change", () => {
    const dir = gitRepo({ ...minimalSubmission(), "notes/keep.txt": "k\n" });
    commitAll(dir, "first", "2014-01-01");
    const tree = new WorkTree(dir);
    const paths = submissionPaths(readSubmission(tree, { asOf: "2015-01-10" }).submission);
    expect(describeWorktree(tree, paths)?.dirty).toBe(false);
    const evidence = gitIn(dir, ["ls-files", "evidence"]).split("\n").filter(Boolean)[0]!;
    gitIn(dir, ["mv", evidence, "notes/moved.yaml"]);
    // git status names it as a rename (notes/moved.yaml, from the evidence file): the old name counts.
    expect(gitIn(dir, ["status", "--porcelain"])).toMatch(/^R/m);
    expect(describeWorktree(tree, paths)?.dirty).toBe(true);
  });
});
