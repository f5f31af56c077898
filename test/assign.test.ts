import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");
const ownersIn = (dir: string, file: string) =>
  Object.fromEntries(
    Object.entries(parse(read(dir, file)).elements as Record<string, { owner?: string } | null>).map(
      ([id, entry]) => [id, entry?.owner ?? null],
    ),
  );

/** The minimal submission with an init-style file for criterion 2: comments and empty entries. */
function submission(): Record<string, string> {
  return {
    ...minimalSubmission(),
    "assessment/criterion-2.yaml": `# Self-assessment, criterion 2.
elements:

  # 2.1.1: Leaders put customers first.
  "2.1.1": {}

  # 2.1.2: Policies support customers.
  "2.1.2": {}
`,
  };
}

describe("cse assign", () => {
  it("gives every element of a criterion an owner, keeping the comments, and says what changed", async () => {
    const dir = testdir(submission());
    const r = await runCse(["assign", "cat", "2"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Gave 2 elements to Cat Example (cat):");
    expect(r.stdout).toContain("assessment/criterion-2.yaml: 2.1.1, 2.1.2");
    expect(read(dir, "assessment/criterion-2.yaml")).toBe(`# Self-assessment, criterion 2.
elements:

  # 2.1.1: Leaders put customers first.
  "2.1.1":
    owner: cat

  # 2.1.2: Policies support customers.
  "2.1.2":
    owner: cat
`);
    expect((await runCse(["validate"], { cwd: dir })).code).toBe(0);
  });

  it("takes a sub-criterion and a list, replaces owners and says whose they were", async () => {
    const dir = testdir(submission());
    const r = await runCse(["assign", "Cat Example", "1.1", "1.2.1"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(ownersIn(dir, "assessment/self.yaml")).toEqual({ "1.1.1": "cat", "1.2.1": "cat", "1.1.2": "cat" });
    expect(r.stdout).toContain("taken from Ann Example (ann): 1.1.1");
    expect(r.stdout).toContain("taken from Bob Example (bob): 1.2.1");
    // Only the owner lines changed: the statement and the action's own owner are as they were.
    const self = parse(read(dir, "assessment/self.yaml")).elements;
    expect(self["1.2.1"].statement).toBe("We engage customers.");
    expect(self["1.2.1"].actions[0].owner).toBe("bob");
  });

  it("with --unowned leaves owned elements to their owners", async () => {
    const dir = testdir(submission());
    const r = await runCse(["assign", "cat", "--all", "--unowned"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(ownersIn(dir, "assessment/self.yaml")).toEqual({ "1.1.1": "ann", "1.2.1": "bob", "1.1.2": "cat" });
    expect(ownersIn(dir, "assessment/criterion-2.yaml")).toEqual({ "2.1.1": "cat", "2.1.2": "cat" });
    expect(r.stdout).toContain("Kept by Ann Example (ann) (--unowned): 1.1.1");
  });

  it("writes nothing with --dry-run, and nothing when run again", async () => {
    const dir = testdir(submission());
    const before = read(dir, "assessment/criterion-2.yaml");
    const dry = await runCse(["assign", "cat", "2", "--dry-run"], { cwd: dir });
    expect(dry.stdout).toContain("Would give 2 elements");
    expect(read(dir, "assessment/criterion-2.yaml")).toBe(before);
    await runCse(["assign", "cat", "2"], { cwd: dir });
    const after = read(dir, "assessment/criterion-2.yaml");
    const again = await runCse(["assign", "cat", "2"], { cwd: dir });
    expect(again.stdout).toContain("Nothing to change");
    expect(again.stdout).toContain("Already owned by Cat Example (cat): 2.1.1, 2.1.2");
    expect(read(dir, "assessment/criterion-2.yaml")).toBe(after);
  });

  it("starts assessment/criterion-N.yaml for a criterion no file assesses yet", async () => {
    const files = minimalSubmission();
    const dir = testdir({ ...files, "schemas/assessment.schema.json": "{}" });
    const r = await runCse(["assign", "bob", "2"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("assessment/criterion-2.yaml (a new file): 2.1.1, 2.1.2");
    const text = read(dir, "assessment/criterion-2.yaml");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../schemas/assessment.schema.json");
    expect(ownersIn(dir, "assessment/criterion-2.yaml")).toEqual({ "2.1.1": "bob", "2.1.2": "bob" });
  });

  it("refuses an unknown person with the nearest, and an unknown id, changing nothing", async () => {
    const dir = testdir(submission());
    const before = read(dir, "assessment/criterion-2.yaml");
    const person = await runCse(["assign", "bobb", "2"], { cwd: dir });
    expect(person.code).toBe(2);
    expect(person.stderr).toContain('"bobb" is not a person in cse.yaml. Did you mean `bob`?');
    const id = await runCse(["assign", "bob", "2.9"], { cwd: dir });
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('"2.9" is not a criterion, sub-criterion or element');
    const none = await runCse(["assign", "bob"], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--all");
    expect(read(dir, "assessment/criterion-2.yaml")).toBe(before);
    expect([person, id, none].map((x) => x.stderr).join("")).not.toMatch(/\n\s+at /);
  });

  it("refuses to write while the submission has errors", async () => {
    const files = submission();
    const dir = testdir({
      ...files,
      "evidence/E002.yaml": files["evidence/E002.yaml"]!.replace("2.1.1", "9.9.9"),
    });
    const before = read(dir, "assessment/criterion-2.yaml");
    const r = await runCse(["assign", "bob", "2"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no owner was written");
    expect(read(dir, "assessment/criterion-2.yaml")).toBe(before);
  });
});
