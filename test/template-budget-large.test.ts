import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCse } from "./helpers/run-cli.js";
import { PROJECT_ROOT, testdir } from "./helpers/testdir.js";

// The thorough tier (vitest.config.ts): a pack of 9,000 items takes seconds to generate and
// build. The budget's rule itself is tested in template-budget.test.ts.
describe("the templates' budget on a large pack", () => {
  it("builds a pack whose shipped templates take more than a million steps", async () => {
    // The bench's generated submission: about 150 template steps per item with the shipped
    // templates, so 9,000 items take some 1.4 million, which a fixed budget of a million refused.
    const dir = testdir({});
    execFileSync(
      process.execPath,
      [path.join(PROJECT_ROOT, "bench/generate.js"), "--items", "9000", "--out", dir],
      {
        stdio: "ignore",
      },
    );
    const r = await runCse(["build", "--format", "html", "--as-of", "2027-01-15"], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: "1800000000" },
    });
    expect(r.stderr).not.toContain("repeats its work");
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);
});
