import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { fingerprint } from "./helpers/fingerprint.js";
import { copySample, testdir } from "./helpers/testdir.js";

// Issue 9, nothing lost: the pack is written only where it should be, whole or not at all, and
// the submission's own files are never changed by any command. (Killed and concurrent builds:
// hostile-concurrent-builds.test.ts.)

const EPOCH = { SOURCE_DATE_EPOCH: "1800000000" };

describe("where the pack may go", () => {
  it.each([".", "criteria", "evidence", "evidence/sub", "assessment", "templates"])(
    "--out %s is refused, and nothing is written there",
    async (out) => {
      const dir = testdir(minimalSubmission());
      const before = fingerprint(dir);
      const r = await runCse(["build", "--format", "html", "--out", out], { cwd: dir, env: EPOCH });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/points (at the submission's root|inside)/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(fingerprint(dir)).toEqual(before);
    },
  );

  it("--out through a link into evidence/ is refused too", async () => {
    const dir = testdir(minimalSubmission());
    const elsewhere = testdir({});
    fs.symlinkSync(path.join(dir, "evidence"), path.join(elsewhere, "sneaky"));
    const r = await runCse(["build", "--format", "html", "--out", path.join(elsewhere, "sneaky")], {
      cwd: dir,
      env: EPOCH,
    });
    expect(r.code).toBe(2);
    expect(fs.readdirSync(path.join(dir, "evidence")).sort()).toEqual([
      "E001.yaml",
      "E002.yaml",
      "case-studies",
    ]);
  });

  it("--out outside the root is the user's choice, and works", async () => {
    const dir = testdir(minimalSubmission());
    const elsewhere = testdir({});
    const r = await runCse(["build", "--format", "html", "--out", path.join(elsewhere, "pack")], {
      cwd: dir,
      env: EPOCH,
    });
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(elsewhere, "pack"))).toEqual(["submission.html"]);
  });

  it.each([
    ["climbing out", "../elsewhere"],
    ["absolute", "/tmp/cse-hostile-output"],
    ["a link out", "out"],
  ])("build.output %s, set by the submission, is outside-root and nothing is written", async (_, output) => {
    const dir = testdir({
      ...minimalSubmission(),
      "cse.yaml": `${minimalSubmission()["cse.yaml"]}build:\n  output: ${output}\n`,
    });
    const elsewhere = testdir({});
    if (output === "out") fs.symlinkSync(elsewhere, path.join(dir, "out"));
    const v = await runCse(["validate", "--as-of", "2015-01-10", "--format", "json"], { cwd: dir });
    const line = minimalSubmission()["cse.yaml"]!.split("\n").length + 1;
    expect(JSON.parse(v.stdout).diagnostics).toMatchObject([
      { file: "cse.yaml", line, column: 11, code: "outside-root" },
    ]);
    const r = await runCse(["build", "--format", "html"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(1);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(fs.existsSync("/tmp/cse-hostile-output")).toBe(false);
    expect(fs.existsSync(path.join(dir, "../elsewhere"))).toBe(false);
  });
});

describe("a build that fails half-way", () => {
  it("a folder in the PDF's place fails the build, and the earlier HTML is left as it was", async () => {
    const dir = testdir(minimalSubmission());
    expect((await runCse(["build", "--format", "html"], { cwd: dir, env: EPOCH })).code).toBe(0);
    const before = fs.readFileSync(path.join(dir, "out/submission.html"));
    fs.mkdirSync(path.join(dir, "out/submission.pdf"));
    fs.writeFileSync(
      path.join(dir, "cse.yaml"),
      fs.readFileSync(path.join(dir, "cse.yaml"), "utf8").replace("Test Service", "Changed Service"),
    );
    const r = await runCse(["build"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/could not write the pack.*EISDIR.*left as it was/);
    expect(fs.readFileSync(path.join(dir, "out/submission.html"))).toEqual(before);
    expect(fs.readdirSync(path.join(dir, "out")).sort()).toEqual(["submission.html", "submission.pdf"]);
  });

  it("a file in the output folder's place fails the build with a clear message", async () => {
    const dir = testdir({ ...minimalSubmission(), out: "not a folder" });
    const r = await runCse(["build", "--format", "html"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a file, not a folder/);
    expect(fs.readFileSync(path.join(dir, "out"), "utf8")).toBe("not a folder");
  });
});

describe("inputs are never modified", () => {
  it("validate, gaps, list, show and build leave every file of the sample as it was", async () => {
    const dir = copySample();
    const before = fingerprint(dir);
    const runs: string[][] = [
      ["validate"],
      ["validate", "--format", "json"],
      ["validate", "--format", "github"],
      ["gaps"],
      ["gaps", "--format", "csv"],
      ["gaps", "--format", "markdown"],
      ["gaps", "--format", "json"],
      ["list", "evidence"],
      ["show", "E001"],
      ["build"],
    ];
    for (const args of runs) {
      const r = await runCse(args, { cwd: dir, env: EPOCH });
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBeLessThan(2);
    }
    expect(fingerprint(dir, ["out"])).toEqual(before);
    expect(fs.readdirSync(path.join(dir, "out")).sort()).toEqual(["submission.html", "submission.pdf"]);
  }, 300_000);
});
