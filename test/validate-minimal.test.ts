import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

describe("cse validate on the minimal submission", () => {
  it("finds no problems and exits 0", async () => {
    const dir = testdir(minimalSubmission());
    const r = await runCse(["validate", "--as-of", "2015-01-10", "--format", "json"], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual({ root: dir, errorCount: 0, warningCount: 0, diagnostics: [] });
    expect(r.code).toBe(0);
  });
});
