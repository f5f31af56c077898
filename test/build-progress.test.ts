import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

describe("cse build progress", () => {
  it("shows its stages on a terminal and clears the line before the summary", async () => {
    const dir = testdir(minimalSubmission());
    const r = await runCse(["build", "--format", "html"], { cwd: dir, tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Reading the submission");
    expect(r.stderr).toContain("Rendering HTML");
    expect(r.stderr.endsWith("\r\x1b[K")).toBe(true);
  });

  it("writes nothing to stderr when it is not a terminal (CI, redirection)", async () => {
    const dir = testdir(minimalSubmission());
    // Built as of 2015-01-01, when the fixture's evidence is current: no pre-flight lines either.
    const env = { SOURCE_DATE_EPOCH: "1420070400" };
    const r = await runCse(["build", "--format", "html"], { cwd: dir, tty: false, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/Wrote out\/submission\.html/);
  });
});
