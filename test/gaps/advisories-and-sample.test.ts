import { describe, expect, it } from "vitest";
import { runCse, spawnCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";
import { minimalSubmission } from "../helpers/minimal.js";
import stringWidth from "string-width";
import { sampleCounts } from "../helpers/sample-counts.js";

/** Ten elements 1.1.1–1.1.10 and one (2.1.1) apart; E8 names eight of the ten, E9 and E10 nine. */
function heavilyCited(): Record<string, string> {
  const base = minimalSubmission();
  const ten = Array.from(
    { length: 10 },
    (_, i) => `      - id: "1.1.${i + 1}"\n        text: Element ${i + 1}.\n`,
  ).join("");
  const item = (id: string, n: number) =>
    `id: ${id}\ntitle: Item ${id}\ndescription: x\ntype: report\ndate: 2014-06-01\nelements: [${Array.from({ length: n }, (_, i) => `"1.1.${i + 1}"`).join(", ")}]\n`;
  return {
    "cse.yaml": base["cse.yaml"]!,
    "criteria/standard.yaml": base["criteria/standard.yaml"]!,
    "criteria/1.yaml": `id: "1"\ntitle: One\nsubcriteria:\n  - id: "1.1"\n    title: Many\n    elements:\n${ten}`,
    "criteria/2.yaml": `id: "2"\ntitle: Two\nsubcriteria:\n  - id: "2.1"\n    title: Apart\n    elements:\n      - id: "2.1.1"\n        text: Apart.\n`,
    "evidence/E8.yaml": item("E8", 8),
    "evidence/E9.yaml": item("E9", 9),
    // Naming 1.1.1 twice still makes nine elements, not ten.
    "evidence/E10.yaml": item("E10", 9).replace('"1.1.9"]', '"1.1.9", "1.1.1"]'),
  };
}

describe("advisories", () => {
  it("flags an item cited by more than eight elements, not one cited by eight", async () => {
    const dir = testdir(heavilyCited());
    const json = JSON.parse(
      (await runCse(["gaps", "--as-of", "2015-02-01", "--format", "json"], { cwd: dir })).stdout,
    );
    const heavy = json.advisories.filter((a: { code: string }) => a.code === "heavily-cited");
    expect(heavy.map((a: { item: string }) => a.item)).toEqual(["E10", "E9"]);
    expect(heavy[1]).toEqual({
      code: "heavily-cited",
      message: expect.stringMatching(/^evidence item E9 \(Item E9\) is cited by 9 elements;/),
      item: "E9",
      elements: ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6", "1.1.7", "1.1.8", "1.1.9"],
    });
  });

  it("shows an item's advice only when one of its elements is listed", async () => {
    const dir = testdir(heavilyCited());
    const json = JSON.parse(
      (await runCse(["gaps", "--as-of", "2015-02-01", "--format", "json", "--criterion", "2"], { cwd: dir }))
        .stdout,
    );
    expect(json.advisories).toEqual([]);
  });

  it("never fails --fail-on", async () => {
    const dir = testdir(heavilyCited());
    const r = await runCse(["gaps", "--as-of", "2015-02-01", "--fail-on", "stale-evidence"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Advice (not gaps)");
  });
});

describe("cse gaps on the sample submission", () => {
  it("shows its honest gaps", async () => {
    const r = await runCse(["gaps", "--as-of", "2026-11-28", "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const gapsOf = (id: string) => json.elements.find((el: { id: string }) => el.id === id).gaps;
    expect(json.visitDay).toBe("2027-03-09");
    expect(gapsOf("3.4.3")).toContain("no-evidence");
    expect(gapsOf("5.2.3")).toContain("no-evidence");
    expect(gapsOf("3.1.2")).toContain("stale-evidence");
    expect(gapsOf("3.2.1")).toContain("below-standard");
    expect(gapsOf("5.3.2")).toContain("below-standard");
    expect(json.summary.elements).toBe(sampleCounts().elements);
  });

  it("runs as the real binary: the table, and --fail-on for CI", () => {
    const table = spawnCse(["gaps", "--as-of", "2026-11-28"]);
    expect(table.code).toBe(0);
    expect(table.stderr).toBe("");
    expect(table.stdout).toMatch(/^ {2}3\.4\.3 +0 +0 +siobhan-fraser +Compliance +no-evidence$/m);
    for (const line of table.stdout.split("\n")) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const ci = spawnCse(["gaps", "--as-of", "2026-11-28", "--fail-on", "no-evidence", "--format", "csv"]);
    expect(ci.code).toBe(1);
    expect(ci.stderr).toBe("cse gaps: failing on no-evidence (2)\n");
  });
});
