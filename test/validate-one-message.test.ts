import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

interface Found {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

/** Validates the minimal submission with `changes` applied, returning its diagnostics and exit status. */
async function validate(changes: Record<string, string>): Promise<{ code: number; found: Found[] }> {
  const dir = testdir({ ...minimalSubmission(), ...changes });
  const r = await runCse(["validate", "--format", "json", "--as-of", "2015-01-10"], { cwd: dir });
  return { code: r.code, found: (JSON.parse(r.stdout) as { diagnostics: Found[] }).diagnostics };
}

const where = (d: Found) => [d.file, d.line, d.column, d.code];
const minimal = minimalSubmission();

describe("one mistake, one message", () => {
  it("a broken cse.yaml is one message; other files are still checked, and nothing that depends on it is said", async () => {
    const { code, found } = await validate({
      "cse.yaml": minimal["cse.yaml"]!.replace("organisation: Test Service", "organisation: Test: Service"),
      "evidence/E002.yaml": minimal["evidence/E002.yaml"]!.replace("type: policy", "type: leaflet"),
    });
    expect(found.map(where)).toEqual([
      ["cse.yaml", 1, 15, "yaml-syntax"],
      ["evidence/E002.yaml", 4, 7, "schema"],
    ]);
    expect(found[0]!.message).toMatch(/`organisation: "Test: Service"`/);
    expect(code).toBe(1);
  });

  it("a schema error in cse.yaml gives no unknown-section nor unknown-person elsewhere", async () => {
    const { found } = await validate({
      "cse.yaml": minimal["cse.yaml"]!.replace(
        "sections:\n  - id: library\n    name: Library\n  - id: it\n    name: IT Services\n",
        "sections: Library, IT Services\n",
      ),
    });
    expect(found.map(where)).toEqual([["cse.yaml", 5, 11, "schema"]]);
  });

  it("a criterion file that cannot be parsed gives no unknown-element for its elements, and still for others", async () => {
    const { found } = await validate({
      "criteria/1.yaml": minimal["criteria/1.yaml"]!.replace(
        "title: Customer Insight",
        "title: Insight: customers",
      ),
      "evidence/E002.yaml": minimal["evidence/E002.yaml"]!.replace('"2.1.1"]', '"2.1.1", "3.1.1"]'),
    });
    expect(found.map(where)).toEqual([
      ["criteria/1.yaml", 2, 8, "yaml-syntax"],
      ["evidence/E002.yaml", 6, 30, "unknown-element"],
    ]);
  });

  it("a rating written as its label is one message naming the id", async () => {
    const { found } = await validate({
      "assessment/self.yaml": minimal["assessment/self.yaml"]!.replace(
        "rating: partial-compliance",
        "rating: Partial Compliance",
      ),
    });
    expect(found.map(where)).toEqual([["assessment/self.yaml", 8, 13, "unknown-rating"]]);
    expect(found[0]!.message).toMatch(/write the id `partial-compliance`, not the name/);
  });

  it("an owner written as a person's name is one message naming the id", async () => {
    const { found } = await validate({
      "evidence/E001.yaml": minimal["evidence/E001.yaml"]!.replace("owner: ann", "owner: Ann Example"),
    });
    expect(found.map(where)).toEqual([["evidence/E001.yaml", 6, 8, "unknown-person"]]);
    expect(found[0]!.message).toMatch(/write the id `ann`, not the name/);
  });

  it("with cse.yaml broken, a name for an id still gets a plain hint from the schema", async () => {
    const { found } = await validate({
      "cse.yaml": minimal["cse.yaml"]!.replace("organisation: Test Service", "organisation: Test: Service"),
      "evidence/E001.yaml": minimal["evidence/E001.yaml"]!.replace("owner: ann", "owner: Ann Example"),
    });
    expect(found.map(where)).toEqual([
      ["cse.yaml", 1, 15, "yaml-syntax"],
      ["evidence/E001.yaml", 6, 8, "schema"],
    ]);
    expect(found[1]!.message).toMatch(/write the id \(such as `ann-example`\), not the name/);
  });

  it("curly quotes around an id are one message that says so", async () => {
    const { found } = await validate({
      "evidence/E001.yaml": minimal["evidence/E001.yaml"]!.replace('  - "1.1.1"', "  - \u201c1.1.1\u201d"),
    });
    expect(found.map(where)).toEqual([["evidence/E001.yaml", 9, 5, "unknown-element"]]);
    expect(found[0]!.message).toMatch(/curly quotes .*type straight quotes, "1\.1\.1", or none/);
  });

  it("a key 2.10 that YAML reads as 2.1 says what was written and how to quote it", async () => {
    const { found } = await validate({
      "assessment/self.yaml": `${minimal["assessment/self.yaml"]}  2.10:\n    owner: ann\n`,
    });
    expect(found.map(where)).toEqual([["assessment/self.yaml", 15, 3, "schema"]]);
    expect(found[0]!.message).toBe(
      'the key 2.10 is read by YAML as the number 2.1, so this entry would be for 2.1; quote it: "2.10":',
    );
  });

  it("a list item without the space after its dash says so, with the mended item", async () => {
    const { found } = await validate({
      "evidence/E001.yaml": minimal["evidence/E001.yaml"]!.replace('  - "1.1.1"', '  -"1.1.1"'),
    });
    expect(found.map(where)).toEqual([["evidence/E001.yaml", 9, 3, "yaml-syntax"]]);
    expect(found[0]!.message).toMatch(/space after the dash; write `- "1\.1\.1"`/);
  });
});
