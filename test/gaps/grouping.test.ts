import { describe, expect, it } from "vitest";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";

/** A standard of two criteria and six elements, with nothing done yet. */
function freshSubmission(extra: Record<string, string> = {}): Record<string, string> {
  const element = (id: string) => `      - id: "${id}"\n        text: Element ${id}.\n`;
  return {
    "cse.yaml": `organisation: Test Service
assessment: { kind: initial, date: 2015-03-10 }
sections: [{ id: main, name: Main }]
people: [{ id: ann, name: Ann Example }]
`,
    "criteria/standard.yaml": `id: cse
title: Customer Service Excellence
ratings:
  - { id: compliance, label: Compliance, meets: true }
  - { id: partial-compliance, label: Partial Compliance, meets: false }
`,
    "criteria/1.yaml": `id: "1"\ntitle: Insight\nsubcriteria:\n  - id: "1.1"\n    title: Identification\n    elements:\n${element("1.1.1")}${element("1.1.2")}  - id: "1.2"\n    title: Engagement\n    elements:\n${element("1.2.1")}`,
    "criteria/2.yaml": `id: "2"\ntitle: Culture\nsubcriteria:\n  - id: "2.1"\n    title: Leadership\n    elements:\n${element("2.1.1")}${element("2.1.2")}${element("2.1.3")}`,
    ...extra,
  };
}

function evidence(id: string, elements: string[]): Record<string, string> {
  return {
    [`evidence/${id}.yaml`]: `id: ${id}\ntitle: Item ${id}\ndescription: Shows it.\ntype: report\ndate: 2014-06-01\nelements: [${elements.map((e) => `"${e}"`).join(", ")}]\n`,
  };
}

async function gaps(files: Record<string, string>, args: string[] = []) {
  const r = await runCse(["gaps", "--as-of", "2015-02-01", ...args], { cwd: testdir(files) });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const ROW = /^ {2}(\d[\d.–]*(?: \(\d+\))?) +\d+ +\d+ /;
const rowLabels = (out: string) => out.split("\n").flatMap((l) => ROW.exec(l)?.[1] ?? []);

describe("cse gaps: alike elements not started share a row", () => {
  it("puts a fresh submission's elements on one row and its to-dos on one line each", async () => {
    const out = await gaps(freshSubmission());
    expect(rowLabels(out)).toEqual(["1.1.1–2.1.3 (6)"]);
    expect(out).toContain("cse gaps --all lists each one");
    expect(out).toMatch(/^ {4}1\.1\.1–2\.1\.3 {2}give it an owner$/m);
    expect(out.match(/give it an owner/g)).toHaveLength(1);
  });

  it("lists every element with --all, and in markdown, CSV and JSON as before", async () => {
    const files = freshSubmission();
    const ids = ["1.1.1", "1.1.2", "1.2.1", "2.1.1", "2.1.2", "2.1.3"];
    expect(rowLabels(await gaps(files, ["--all"]))).toEqual(ids);
    expect((await gaps(files, ["--all"])).match(/give it an owner/g)).toHaveLength(ids.length);
    const json = JSON.parse(await gaps(files, ["--format", "json"]));
    expect(json.elements.map((e: { id: string }) => e.id)).toEqual(ids);
    const csv = await gaps(files, ["--format", "csv"]);
    for (const id of ids) expect(csv).toContain(id);
    const markdown = await gaps(files, ["--format", "markdown"]);
    expect(markdown).not.toContain("–2.1.3");
  });

  it("gives an element with evidence its own row, and shares a row only among three or more", async () => {
    const out = await gaps(freshSubmission(evidence("E001", ["1.2.1"])));
    // 1.1.1 and 1.1.2 are only two alike: each has its row; 2.1.x sit under their criterion.
    expect(rowLabels(out)).toEqual(["1.1.1", "1.1.2", "1.2.1", "2.1.1–2.1.3 (3)"]);
    expect(out).toMatch(/^2 Culture\n 2\.1 Leadership\n {2}2\.1\.1–2\.1\.3 \(3\)/m);
  });

  it("prints a submission under way exactly as --all does", async () => {
    const files = freshSubmission(evidence("E001", ["1.1.1", "1.1.2", "1.2.1", "2.1.1", "2.1.2", "2.1.3"]));
    const out = await gaps(files);
    expect(out).toBe(await gaps(files, ["--all"]));
    expect(out).not.toContain("--all");
  });

  it("does not share a row between elements whose owners differ", async () => {
    const assessment = {
      "assessment/a.yaml": 'elements:\n  "1.2.1": { owner: ann }\n',
    };
    const out = await gaps(freshSubmission(assessment));
    expect(rowLabels(out)).toEqual(["1.1.1", "1.1.2", "1.2.1", "2.1.1–2.1.3 (3)"]);
  });
});

describe("cse gaps on a new submission", () => {
  it("fits one screen, and does not count init's examples as drafts in progress", async () => {
    const dir = testdir({});
    expect((await runCse(["init", "--organisation", "Test Library"], { cwd: dir })).code).toBe(0);
    const r = await runCse(["gaps"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split("\n").length).toBeLessThanOrEqual(40);
    expect(r.stdout).not.toContain("draft");
    const json = JSON.parse((await runCse(["gaps", "--format", "json"], { cwd: dir })).stdout);
    const ids = json.elements.map((e: { id: string }) => e.id);
    expect(rowLabels(r.stdout)).toEqual([`${ids[0]}–${ids[ids.length - 1]} (${ids.length})`]);
  });

  it("counts a draft the user starts", async () => {
    const dir = testdir({});
    expect((await runCse(["init"], { cwd: dir })).code).toBe(0);
    const made = await runCse(["new", "evidence", "--title", "Charter", "--elements", "5.2.1"], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const r = await runCse(["gaps", "--all"], { cwd: dir });
    expect(r.stdout.match(/draft in progress/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/5\.2\.1 +find evidence: none ready \(1 draft in progress\)/);
  });
});
