import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitAll, gitIn, gitRepo } from "./helpers/git-repo.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";

// A folder whose .git/config came from someone else (an archive of a repository, not a clone)
// can tell git to run a program on `git status`. cse runs git only to read, and turns that off.

describe("git configuration that would run a program", () => {
  it("core.fsmonitor is not run by build, gaps, validate --ref or diff", async () => {
    const marker = path.join(os.tmpdir(), `cse-fsmonitor-${process.pid}`);
    fs.rmSync(marker, { force: true });
    const dir = gitRepo(minimalSubmission());
    commitAll(dir, "submission", "2014-06-01");
    gitIn(dir, ["config", "core.fsmonitor", `touch ${marker}; false`]);
    fs.appendFileSync(path.join(dir, "evidence/E001.yaml"), "# changed\n");
    // The attack works on git itself, so the test can tell.
    gitIn(dir, ["status", "--porcelain"]);
    expect(fs.existsSync(marker)).toBe(true);
    fs.rmSync(marker);
    const runs = [
      ["build", "--format", "html"],
      ["gaps", "--format", "json", "--as-of", "2015-01-10"],
      ["validate", "--ref", "HEAD", "--as-of", "2015-01-10"],
      ["diff", "HEAD"],
    ];
    for (const args of runs) {
      const r = await runCse(args, { cwd: dir, env: { SOURCE_DATE_EPOCH: "1800000000" } });
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBeLessThan(2);
      expect(fs.existsSync(marker), args.join(" ")).toBe(false);
    }
  });
});
