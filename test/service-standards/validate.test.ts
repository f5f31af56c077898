import { describe, expect, it } from "vitest";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";
import { serviceStandardsSubmission } from "./fixture.js";

async function diagnostics(file: string, text: string) {
  const dir = testdir({ ...serviceStandardsSubmission(), [`service-standards/${file}`]: text });
  const r = await runCse(["validate", "--dir", dir, "--format", "json", "--as-of", "2027-01-01"]);
  return JSON.parse(r.stdout).diagnostics.map(
    (d: { file: string; line: number; column: number; code: string; message: string }) =>
      `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`,
  );
}

describe("validate checks service standards", () => {
  it("accepts the fixture", async () => {
    const r = await runCse(["validate", "--dir", testdir(serviceStandardsSubmission())]);
    expect(r.stdout).toContain("No problems");
    expect(r.code).toBe(0);
  });

  it("reports a repeated period at its second occurrence, naming the first", async () => {
    const found = await diagnostics(
      "monthly.yaml",
      `id: SS-M
title: T
elements: ["1.1.1"]
target: { value: 90, unit: percent, direction: at-least }
period: month
results:
  - { period: "2026-10", value: 90 }
  - { period: "2026-11", value: 91 }
  - { period: "2026-10", value: 92 }
`,
    );
    expect(found).toEqual([
      'service-standards/monthly.yaml:9:15 schema period "2026-10" already has a result (line 7); keep one result per period, or correct the period',
    ]);
  });

  it("reports a period of the wrong kind or form at its line, and a year YAML read as a number", async () => {
    const found = await diagnostics(
      "yearly.yaml",
      `id: SS-Y
title: T
elements: ["2.1.2"]
target: { value: 80, unit: count, direction: at-least }
period: year
results:
  - { period: "2025-Q1", value: 70 }
  - { period: "2025-13", value: 70 }
  - { period: 2024, value: 70 }
`,
    );
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(
      /^service-standards\/yearly.yaml:7:15 schema period "2025-Q1" does not fit `period: year`/,
    );
    expect(found[1]).toMatch(
      /^service-standards\/yearly.yaml:8:15 schema `results\[1\].period` must be a period written "2026-09"/,
    );
    expect(found[2]).toMatch(/^service-standards\/yearly.yaml:9:15 schema .*quote it: "2024"/);
  });

  it("checks elements, owner, sections, the target and the shared id space", async () => {
    const found = await diagnostics(
      "bad.yaml",
      `id: E001
title: T
owner: zed
sections: [lib]
elements: ["1.1.9"]
target: { value: 90, unit: percentage, direction: at-least }
period: month
`,
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^service-standards\/bad.yaml:1:5 duplicate-id duplicate item id "E001": evidence\/E001.yaml line 1/,
      ),
      expect.stringMatching(/^service-standards\/bad.yaml:3:8 unknown-person unknown person "zed"/),
      expect.stringMatching(
        /^service-standards\/bad.yaml:4:12 unknown-section unknown section "lib".*Did you mean `library`/,
      ),
      expect.stringMatching(
        /^service-standards\/bad.yaml:5:12 unknown-element unknown element "1.1.9".*Did you mean/,
      ),
      expect.stringMatching(
        /^service-standards\/bad.yaml:6:28 schema `target.unit` must be one of percent, days/,
      ),
    ]);
  });
});
