import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { copySample, testdir } from "./helpers/testdir.js";

async function validates(dir: string): Promise<void> {
  const v = await runCse(["validate", "--format", "json", "--as-of", "2027-01-10"], { cwd: dir });
  expect(JSON.parse(v.stdout).diagnostics).toEqual([]);
  expect(v.code).toBe(0);
}

describe("cse new", () => {
  it("writes the next evidence item with every required field, prints its path, and it validates", async () => {
    const dir = testdir(minimalSubmission());
    const r = await runCse(
      [
        "new",
        "evidence",
        "--title",
        "Complaints procedure",
        "--elements",
        "1.1.1, 2.1.2",
        "--type",
        "procedure",
        "--owner",
        "ann",
        "--section",
        "library",
        "--date",
        "2014-12-01",
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("evidence/E003-complaints-procedure.yaml\n");
    const text = fs.readFileSync(path.join(dir, "evidence/E003-complaints-procedure.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../schemas/evidence.schema.json");
    expect(parse(text)).toEqual({
      id: "E003",
      title: "Complaints procedure",
      type: "procedure",
      date: "2014-12-01",
      owner: "ann",
      sections: ["library"],
      status: "draft",
      description: expect.stringContaining("TODO"),
      elements: ["1.1.1", "2.1.2"],
    });
    await validates(dir);
  });

  it("writes the next case study under evidence/case-studies/, naming its backing evidence", async () => {
    const dir = testdir(minimalSubmission());
    const r = await runCse(
      [
        "new",
        "case-study",
        "--title",
        "Listening again",
        "--elements",
        "1.2.1",
        "--evidence",
        "E001,E002",
        "--date",
        "2014-12-01",
        "--ready",
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("evidence/case-studies/CS02-listening-again.yaml\n");
    const data = parse(
      fs.readFileSync(path.join(dir, "evidence/case-studies/CS02-listening-again.yaml"), "utf8"),
    );
    expect(data).toMatchObject({
      id: "CS02",
      status: "ready",
      elements: ["1.2.1"],
      evidence: ["E001", "E002"],
    });
    expect(data.narrative).toContain("### Situation");
    // Marked ready with its TODO text still in it: placeholder-text keeps it from the assessor.
    const v = await runCse(["validate", "--format", "json", "--as-of", "2015-01-10"], { cwd: dir });
    const found = JSON.parse(v.stdout).diagnostics as { code: string; line: number }[];
    expect(found.map((d) => [d.code, d.line])).toEqual([
      ["placeholder-text", 9],
      ["placeholder-text", 13],
    ]);
    expect(v.code).toBe(1);
  });

  it("keeps the width of the existing ids (E064 → E065, CS08 → CS09)", async () => {
    const dir = copySample();
    const e = await runCse(
      [
        "new",
        "evidence",
        "--title",
        "Élan: Welsh-language café survey",
        "--elements",
        "3.2.1",
        "--type",
        "survey",
      ],
      { cwd: dir },
    );
    expect(e.stdout).toBe("evidence/E065-elan-welsh-language-cafe-survey.yaml\n");
    const c = await runCse(["new", "case-study", "--title", "Another story", "--elements", "1.1.1"], {
      cwd: dir,
    });
    expect(c.stdout).toBe("evidence/case-studies/CS09-another-story.yaml\n");
  });

  it("counts a file whose YAML cannot be read, so its number is not given out twice", async () => {
    const dir = testdir({ ...minimalSubmission(), "evidence/E007-broken.yaml": "id: [unclosed\n" });
    const r = await runCse(["new", "evidence", "--title", "Next", "--elements", "1.1.1"], { cwd: dir });
    expect(r.stdout).toBe("evidence/E008-next.yaml\n");
  });

  it("starts at E001 and CS01 after cse init, whose examples are numbered 0", async () => {
    const dir = testdir({});
    expect((await runCse(["init", "--visit", "2027-06-01"], { cwd: dir })).code).toBe(0);
    expect(
      (
        await runCse(
          ["new", "evidence", "--title", "Customer charter", "--elements", "5.2.1", "--type", "policy"],
          { cwd: dir },
        )
      ).stdout,
    ).toBe("evidence/E001-customer-charter.yaml\n");
    expect(
      (
        await runCse(
          ["new", "case-study", "--title", "Charter", "--elements", "5.2.1", "--evidence", "E001"],
          { cwd: dir },
        )
      ).stdout,
    ).toBe("evidence/case-studies/CS01-charter.yaml\n");
    const v = await runCse(["validate", "--format", "json"], { cwd: dir });
    expect(JSON.parse(v.stdout).errorCount).toBe(0);
  });

  it("works from a subfolder and prints the path relative to the root", async () => {
    const dir = testdir(minimalSubmission());
    const r = await runCse(["new", "evidence", "--title", "X", "--elements", "1.1.1"], {
      cwd: path.join(dir, "evidence"),
    });
    expect(r.stdout).toBe("evidence/E003-x.yaml\n");
  });

  it.each([
    [["--elements", "1.1.9"], 'no element "1.1.9". Did you mean `1.1.1`'],
    [["--elements", "1.1.1", "--owner", "anne"], "Did you mean `ann`"],
    [["--elements", "1.1.1", "--owner", "zz"], "Choose from: ann, bob, cat."],
    [["--elements", "9.9.9"], "Choose from: 1.1.1, 1.1.2, 1.2.1, 2.1.1, 2.1.2."],
    [["--elements", "1.1.1", "--section", "libary"], "Did you mean `library`"],
    [["--elements", "1.1.1", "--type", "reprot"], "Did you mean `report`"],
    [["--elements", "1.1.1", "--date", "2014-02-30"], "--date"],
    [["--elements", "1.1.1", "--evidence", "E001"], "--evidence is for case studies"],
    [["--elements", "", "--title", "x"], "at least one element"],
    [["--elements", "1.1.1", "--title", "  "], "--title must not be empty"],
  ])("refuses %j with exit 2, a hint, and no file", async (args, message) => {
    const dir = testdir(minimalSubmission());
    const r = await runCse(["new", "evidence", "--title", "T", ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
    expect(fs.readdirSync(path.join(dir, "evidence")).sort()).toEqual([
      "E001.yaml",
      "E002.yaml",
      "case-studies",
    ]);
  });

  it("refuses --type for a case study, and a missing --title", async () => {
    const dir = testdir(minimalSubmission());
    expect(
      (
        await runCse(["new", "case-study", "--title", "T", "--elements", "1.1.1", "--type", "report"], {
          cwd: dir,
        })
      ).stderr,
    ).toContain("--type is for evidence");
    const r = await runCse(["new", "evidence", "--elements", "1.1.1"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--title");
  });
});
