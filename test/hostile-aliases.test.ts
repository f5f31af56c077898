import { describe, expect, it } from "vitest";
import { YAML_LIMITS } from "../src/load/yaml-file.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

// Aliases share one value in memory, so a small file once made a 402 MB page: the text after
// aliases are written out is bounded per file and for the whole submission, at validate time,
// so a submission that validates always builds.

const MIB = 1024 * 1024;

/** An evidence file whose `notes` cite an anchored text of `mib` MiB `uses` times. */
function repeatingEvidence(id: string, mib: number, uses: number): string {
  // Lines of 1 KiB (a line is bounded too), in a literal block.
  const text = `  ${"x".repeat(1023)}\n`.repeat(mib * 1024);
  return `id: ${id}\ntitle: T\ntype: report\ndate: 2014-01-01\nelements: ["1.1.1"]\ndescription: &note |\n${text}notes: [${Array(uses).fill("*note").join(", ")}]\n`;
}

async function limits(files: Record<string, string>, command = "validate") {
  const args = command === "validate" ? [command, "--format", "json"] : [command, "--format", "html"];
  const r = await runCse(args, { cwd: testdir({ ...minimalSubmission(), ...files }) });
  if (command !== "validate")
    return { code: r.code, diagnostics: [] as { file: string; code: string; message: string }[] };
  const diagnostics = (
    JSON.parse(r.stdout) as { diagnostics: { file: string; code: string; message: string }[] }
  ).diagnostics;
  return { code: r.code, diagnostics: diagnostics.filter((d) => d.code === "yaml-limit") };
}

describe("aliases", () => {
  it("exactly the limit of alias uses is allowed, one more is refused", async () => {
    const uses = (n: number) =>
      `id: E003\ntitle: T\ndescription: D\ntype: report\ndate: 2014-01-01\nelements: &els ["1.1.1"]\nx: [${Array(n).fill("*els").join(", ")}]\n`;
    expect((await limits({ "evidence/E003.yaml": uses(YAML_LIMITS.maxAliasCount) })).diagnostics).toEqual([]);
    const over = await limits({ "evidence/E003.yaml": uses(YAML_LIMITS.maxAliasCount + 1) });
    expect(over.diagnostics.map((d) => d.file)).toEqual(["evidence/E003.yaml"]);
  });

  it("a file whose aliases multiply its text past the limit is refused at validate, and build refuses it", async () => {
    const mib = 1;
    const uses = Math.ceil(YAML_LIMITS.maxExpandedChars / MIB / mib);
    const files = { "evidence/E003.yaml": repeatingEvidence("E003", mib, uses) };
    const r = await limits(files);
    expect(r.code).toBe(1);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.message).toContain("aliases written out");
    expect((await limits(files, "build")).code).toBe(1);
  });

  it("files each within the limit are refused when together they pass the submission's limit", async () => {
    const perFile = YAML_LIMITS.maxExpandedChars / MIB - 1; // MiB of text each, just under a file's limit
    const count = Math.floor(YAML_LIMITS.maxSubmissionChars / MIB / perFile) + 1;
    const files: Record<string, string> = {};
    // Ids of one width, so the files load in the order they are numbered.
    const id = (i: number) => `E1${String(i).padStart(3, "0")}`;
    for (let i = 0; i < count; i++)
      files[`evidence/${id(i)}.yaml`] = repeatingEvidence(id(i), 1, perFile - 1);
    const r = await limits(files);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining("the submission's YAML holds more"),
    ]);
    expect(r.diagnostics[0]?.file).toBe(`evidence/${id(count - 1)}.yaml`);
  });
});
