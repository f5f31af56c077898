import { describe, expect, it } from "vitest";
import { analyseCoverage } from "../../src/analyse/analyse-coverage.js";
import { WorkTree } from "../../src/load/source-tree.js";
import { readSubmission } from "../../src/model/read-submission.js";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";
import { serviceStandardsSubmission } from "./fixture.js";

const CODES = new Set(["missed-target", "no-recent-result"]);

/** Each element's service-standard gaps on a day (elements without any left out). */
function serviceGaps(asOf: string, files = serviceStandardsSubmission()): Record<string, string[]> {
  const checked = readSubmission(new WorkTree(testdir(files)), { asOf });
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const r = analyseCoverage(checked.submission, { asOf });
  const out: Record<string, string[]> = {};
  for (const el of r.elements) {
    const mine = el.gaps.filter((g) => CODES.has(g));
    if (mine.length) out[el.id] = mine;
  }
  return out;
}

describe("missed-target and no-recent-result, worked out by hand", () => {
  it("on 2026-11-30 the November result is not yet due: October (90, exactly the target) meets", () => {
    // SS-Q: Q3 ended 09-30, so Q3 (3.5) is latest and misses. SS-Y: 2025 is the latest complete year (70).
    // SS-L: October has no result, and nothing is recorded up to October.
    expect(serviceGaps("2026-11-30")).toEqual({
      "1.1.2": ["no-recent-result"],
      "2.1.1": ["missed-target"],
      "2.1.2": ["missed-target"],
    });
  });

  it("on 2026-12-01 November is the latest complete month: 89.9 misses 90", () => {
    expect(serviceGaps("2026-12-01")).toMatchObject({
      "1.1.1": ["missed-target"],
      "1.1.2": ["missed-target"],
    });
  });

  it("on 2027-01-01 the December result counts, and a year's end completes 2025 and the fourth quarter", () => {
    expect(serviceGaps("2027-01-01")).toEqual({
      // SS-L missed in November, its latest recorded month, and has nothing for December.
      "1.1.2": ["missed-target", "no-recent-result"],
      // SS-Q has no result for Q4; its latest recorded (Q3) missed.
      "2.1.1": ["missed-target", "no-recent-result"],
      // SS-Y: 2026 is the latest complete year and has no result; 2025, the latest recorded, missed.
      "2.1.2": ["missed-target", "no-recent-result"],
    });
  });

  it("on a quarter's boundary: 2026-09-30 still judges Q2 (3, exactly the at-most target)", () => {
    expect(serviceGaps("2026-09-30")["2.1.1"]).toBeUndefined();
    expect(serviceGaps("2026-10-01")["2.1.1"]).toEqual(["missed-target"]);
  });

  it("on a year's boundary: 2026-01-01 judges 2025 (70 misses 80)", () => {
    expect(serviceGaps("2025-12-31")["2.1.2"]).toEqual(["no-recent-result"]);
    expect(serviceGaps("2026-01-01")["2.1.2"]).toEqual(["missed-target"]);
  });

  it("lists them last, in the contract's order, counts them and explains them to the owner", async () => {
    const dir = testdir(serviceStandardsSubmission());
    const r = await runCse(["gaps", "--dir", dir, "--format", "json", "--as-of", "2027-01-01"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const el = report.elements.find((e: { id: string }) => e.id === "1.1.2");
    expect(el.gaps.slice(-2)).toEqual(["missed-target", "no-recent-result"]);
    expect(report.summary.byCode["missed-target"]).toBe(3);
    expect(report.summary.byCode["no-recent-result"]).toBe(3);
    const table = await runCse(["gaps", "--dir", dir, "--as-of", "2027-01-01", "--only", "missed-target"]);
    expect(table.stdout).not.toContain("SS-M missed");
    expect(table.stdout).toMatch(/SS-L missed its target in November 2026 \(80%; target at least\s+95%\)/);
    const failing = await runCse([
      "gaps",
      "--dir",
      dir,
      "--as-of",
      "2027-01-01",
      "--fail-on",
      "no-recent-result",
    ]);
    expect(failing.code).toBe(1);
  });
});
