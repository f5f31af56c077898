import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitAll, gitIn, gitRepo, writeFiles } from "./helpers/git-repo.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

const AS_OF = ["--as-of", "2015-01-10"];

describe("cse validate --ref", () => {
  it("checks the submission as committed, whatever the work tree holds", async () => {
    const dir = gitRepo(minimalSubmission());
    commitAll(dir, "submission", "2014-06-01");
    gitIn(dir, ["tag", "assessed-2014"]);
    writeFiles(dir, { "evidence/E001.yaml": "id: [broken\n", "evidence/E002.yaml": null });

    const now = await runCse(["validate", ...AS_OF, "--format", "json"], { cwd: dir });
    expect(now.code).toBe(1);
    const then = await runCse(["validate", ...AS_OF, "--format", "json", "--ref", "assessed-2014"], {
      cwd: dir,
    });
    expect(JSON.parse(then.stdout)).toEqual({ root: dir, errorCount: 0, warningCount: 0, diagnostics: [] });
    expect(then.code).toBe(0);
    // Nothing in the work tree was restored or touched.
    expect(fs.readFileSync(path.join(dir, "evidence/E001.yaml"), "utf8")).toBe("id: [broken\n");
    expect(fs.existsSync(path.join(dir, "evidence/E002.yaml"))).toBe(false);
  });

  it("checks attachments against the revision's files", async () => {
    const files = minimalSubmission();
    files["evidence/E001.yaml"] += "files: [profile.pdf]\n";
    const dir = gitRepo({ ...files, "evidence/profile.pdf": "%PDF-1.4" });
    commitAll(dir, "with attachment", "2014-06-01");
    fs.rmSync(path.join(dir, "evidence/profile.pdf"));
    const now = await runCse(["validate", ...AS_OF, "--format", "json"], { cwd: dir });
    expect(JSON.parse(now.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(["missing-file"]);
    const then = await runCse(["validate", ...AS_OF, "--ref", "HEAD"], { cwd: dir });
    expect(then.code).toBe(0);
  });

  it("reads a submission kept in a subfolder of a repository", async () => {
    const files = Object.fromEntries(
      Object.entries(minimalSubmission()).map(([k, v]) => [`services/cse/${k}`, v]),
    );
    const dir = gitRepo({ "README.md": "other things\n", ...files });
    commitAll(dir, "submission", "2014-06-01");
    writeFiles(dir, { "services/cse/criteria/1.yaml": "broken: [\n" });
    const r = await runCse(
      ["validate", ...AS_OF, "--ref", "main", "--dir", "services/cse", "--format", "json"],
      { cwd: dir },
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ root: path.join(dir, "services/cse"), errorCount: 0 });
    const inside = await runCse(["validate", ...AS_OF, "--ref", "main"], {
      cwd: path.join(dir, "services/cse/evidence"),
    });
    expect(inside.code).toBe(0);
  });

  it("reports a wrong revision, a revision before the submission, and no repository, with exit 2", async () => {
    const dir = gitRepo({ "README.md": "start\n" });
    commitAll(dir, "before the submission", "2013-01-01");
    gitIn(dir, ["tag", "start"]);
    writeFiles(dir, minimalSubmission());
    commitAll(dir, "submission", "2014-06-01");

    const unknown = await runCse(["validate", "--ref", "assessed-2099"], { cwd: dir });
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(unknown.stderr).toMatch(
      /^cse: unknown revision "assessed-2099": the repository at .* has no branch, tag or commit of that name/,
    );

    const before = await runCse(["validate", "--ref", "start"], { cwd: dir });
    expect(before.code).toBe(2);
    expect(before.stderr).toMatch(/there is no cse\.yaml in .* at start/);

    const plain = testdir(minimalSubmission());
    const outside = await runCse(["validate", "--ref", "HEAD"], { cwd: plain });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain("is not inside a git repository; --ref needs one");
    expect(outside.stderr).not.toMatch(/at .*\.js/);
    // Without --ref the same folder validates as before.
    expect((await runCse(["validate", ...AS_OF], { cwd: plain })).code).toBe(0);
  });

  it("says when git itself is missing", async () => {
    const dir = testdir(minimalSubmission());
    const r = await runCse(["validate", "--ref", "HEAD"], {
      cwd: dir,
      env: { PATH: path.join(dir, "no-bin") },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cse: git is not installed (or not on the PATH); --ref needs it");
  });
});
