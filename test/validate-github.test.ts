import path from "node:path";
import { describe, expect, it } from "vitest";
import { gitRepo } from "./helpers/git-repo.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

/** The minimal submission with one schema error (evidence/E002.yaml line 4, column 7), under `folder`. */
function brokenSubmission(folder: string): Record<string, string> {
  const files = minimalSubmission();
  files["evidence/E002.yaml"] = files["evidence/E002.yaml"]!.replace("type: policy", "type: leaflet");
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [folder ? `${folder}/${k}` : k, v]));
}

const github = (cwd: string, extra: string[] = []) =>
  runCse(["validate", "--format", "github", "--as-of", "2015-01-10", ...extra], { cwd });

describe("cse validate --format github: paths GitHub can place", () => {
  it("names files from the top of the git work tree when the submission is in a subfolder (--dir)", async () => {
    const top = gitRepo({ ...brokenSubmission("services/cse"), "README.md": "Other things\n" });
    const r = await github(top, ["--dir", "services/cse"]);
    expect(r.stdout).toMatch(/^::error file=services\/cse\/evidence\/E002\.yaml,line=4,col=7,title=schema::/);
    expect(r.code).toBe(1);
  });

  it("does the same when run from inside the submission", async () => {
    const top = gitRepo(brokenSubmission("services/cse"));
    const r = await github(path.join(top, "services/cse/evidence"));
    expect(r.stdout).toMatch(/^::error file=services\/cse\/evidence\/E002\.yaml,line=4,/);
  });

  it("keeps root-relative paths at the top of a repository and outside any", async () => {
    const atTop = await github(gitRepo(brokenSubmission("")));
    expect(atTop.stdout).toMatch(/^::error file=evidence\/E002\.yaml,line=4,/);
    const outside = await github(testdir(brokenSubmission("")));
    expect(outside.stdout).toMatch(/^::error file=evidence\/E002\.yaml,line=4,/);
  });

  it("leaves the other formats root-relative", async () => {
    const top = gitRepo(brokenSubmission("services/cse"));
    const r = await runCse(
      ["validate", "--format", "json", "--as-of", "2015-01-10", "--dir", "services/cse"],
      {
        cwd: top,
      },
    );
    expect(JSON.parse(r.stdout).diagnostics[0].file).toBe("evidence/E002.yaml");
  });
});
