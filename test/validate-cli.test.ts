import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse, spawnCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

function broken(): string {
  const files = minimalSubmission();
  files["evidence/E002.yaml"] = files["evidence/E002.yaml"]!.replace('"2.1.1"', '"2.1.9"').replace(
    "type: policy",
    "type: polcy",
  );
  files["evidence/E003.yaml"] =
    'id: E003\ntitle: T\ndescription: D\ntype: report\ndate: 2015-02-01\nelements: ["1.1.1"]\n';
  return testdir(files);
}

describe("cse validate, the real binary", () => {
  it("exits 0 with no errors on the project's own sample submission", () => {
    const r = spawnCse(["validate"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/No problems/);
    expect(r.code).toBe(0);
  });

  it("exits 1 with errors, printing them grouped by file", () => {
    const r = spawnCse(["validate", "--as-of", "2015-01-10"], { cwd: broken() });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^evidence\/E002\.yaml\n {2}4:7 +error +`type` must be one of [^]*Did you mean `policy`\?\s+schema$/m,
    );
    expect(r.stdout).toMatch(/unknown element "2\.1\.9"/);
    expect(r.stdout).toMatch(/✖ 3 problems \(2 errors, 1 warning\)/);
    // Long messages are wrapped under themselves at 80 columns.
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    expect(r.stderr).toBe("");
  });

  it("exits 2 when there is no cse.yaml, without a stack trace", () => {
    const r = spawnCse(["validate"], { cwd: testdir({ "x.txt": "" }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cse: no cse\.yaml found/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("exits 2 on a bad flag, a bad format and a bad --as-of", () => {
    expect(spawnCse(["validate", "--frobnicate"]).code).toBe(2);
    const f = spawnCse(["validate", "--format", "xml"]);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/xml/);
    const a = spawnCse(["validate", "--as-of", "2015-02-30"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--as-of takes a date/);
  });

  it("exits 2 for a --dir that does not exist", () => {
    const r = spawnCse(["validate", "--dir", "/nonexistent/cse"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
  });
});

describe("cse validate outputs", () => {
  it("JSON has exactly FORMAT.md's shape, diagnostics sorted by file, line, column, code", async () => {
    const dir = broken();
    const r = await runCse(["validate", "--format", "json", "--as-of", "2015-01-10"], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["root", "errorCount", "warningCount", "diagnostics"]);
    expect(out.root).toBe(dir);
    expect(out.errorCount).toBe(2);
    expect(out.warningCount).toBe(1);
    for (const d of out.diagnostics)
      expect(Object.keys(d)).toEqual(["file", "line", "column", "severity", "code", "message"]);
    const keys = out.diagnostics.map((d: { file: string; line: number; column: number; code: string }) => [
      d.file,
      d.line,
      d.column,
      d.code,
    ]);
    const sorted = [...keys].sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : 1),
    );
    expect(keys).toEqual(sorted);
    expect(keys).toEqual([
      ["evidence/E002.yaml", 4, 7, "schema"],
      ["evidence/E002.yaml", 6, 21, "unknown-element"],
      ["evidence/E003.yaml", 5, 7, "future-date"],
    ]);
  });

  it("github format prints workflow commands with escaped properties and data", async () => {
    const r = await runCse(["validate", "--format", "github", "--as-of", "2015-01-10"], { cwd: broken() });
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^::error file=evidence\/E002\.yaml,line=4,col=7,title=schema::`type` must be one of/,
    );
    expect(lines[2]).toMatch(/^::warning file=evidence\/E003\.yaml,line=5,col=7,title=future-date::/);
  });

  it("--strict makes warnings fail", async () => {
    const files = minimalSubmission();
    files["evidence/E002.yaml"] = files["evidence/E002.yaml"]!.replace("2014-07-01", "2015-02-01");
    const dir = testdir(files);
    expect((await runCse(["validate", "--as-of", "2015-01-10"], { cwd: dir })).code).toBe(0);
    expect((await runCse(["validate", "--as-of", "2015-01-10", "--strict"], { cwd: dir })).code).toBe(1);
    expect((await runCse(["validate", "--as-of", "2015-03-01", "--strict"], { cwd: dir })).code).toBe(0);
  });

  it("finds the root from a subfolder and from --dir", async () => {
    const dir = testdir(minimalSubmission());
    expect((await runCse(["validate"], { cwd: path.join(dir, "evidence", "case-studies") })).code).toBe(0);
    expect((await runCse(["validate", "--dir", dir], { cwd: "/" })).code).toBe(0);
  });

  it("colours text only when asked or on a terminal, never with NO_COLOR", async () => {
    const dir = broken();
    const esc = /\x1b\[/;
    expect((await runCse(["validate", "--as-of", "2015-01-10"], { cwd: dir })).stdout).not.toMatch(esc);
    expect((await runCse(["validate", "--as-of", "2015-01-10"], { cwd: dir, tty: true })).stdout).toMatch(
      esc,
    );
    expect(
      (await runCse(["validate", "--as-of", "2015-01-10"], { cwd: dir, tty: true, env: { NO_COLOR: "1" } }))
        .stdout,
    ).not.toMatch(esc);
    expect(
      (await runCse(["validate", "--as-of", "2015-01-10", "--no-color"], { cwd: dir, tty: true })).stdout,
    ).not.toMatch(esc);
    expect((await runCse(["validate", "--as-of", "2015-01-10", "--color"], { cwd: dir })).stdout).toMatch(
      esc,
    );
  });

  it("never modifies its input", async () => {
    const dir = broken();
    const snapshot = () =>
      fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => `${d.parentPath}/${d.name}:${fs.readFileSync(path.join(d.parentPath, d.name), "utf8")}`)
        .sort()
        .join("\n");
    const before = snapshot();
    await runCse(["validate", "--as-of", "2015-01-10"], { cwd: dir });
    expect(snapshot()).toBe(before);
  });
});

describe("an empty or mis-shaped file", () => {
  it("names the fields its kind needs", async () => {
    const files = minimalSubmission();
    files["evidence/E003.yaml"] = "";
    files["assessment/findings/2015.yaml"] = "- date: 2015-01-01\n";
    const r = await runCse(["validate", "--format", "json", "--as-of", "2015-01-10"], {
      cwd: testdir(files),
    });
    const messages = JSON.parse(r.stdout).diagnostics.map(
      (d: { file: string; message: string }) => `${d.file}: ${d.message}`,
    );
    expect(messages).toEqual([
      "assessment/findings/2015.yaml: the file must be a mapping of fields with `date:`, `kind:`, not a list",
      "evidence/E003.yaml: the file is empty; it must be a mapping of fields with `id:`, `title:`, `description:`, `type:`, `date:`, `elements:`",
    ]);
  });
});

describe("cse schema", () => {
  it("writes every schema, which parse as JSON", async () => {
    const dir = testdir({});
    const r = await runCse(["schema", "--out", "s"], { cwd: dir });
    expect(r.code).toBe(0);
    const names = fs.readdirSync(path.join(dir, "s")).sort();
    expect(names).toEqual([
      "assessment.schema.json",
      "case-study.schema.json",
      "common.schema.json",
      "criterion.schema.json",
      "cse.schema.json",
      "evidence.schema.json",
      "finding.schema.json",
      "service-standard.schema.json",
      "standard.schema.json",
    ]);
    for (const n of names)
      expect(JSON.parse(fs.readFileSync(path.join(dir, "s", n), "utf8")).$schema).toBe(
        "https://json-schema.org/draft/2020-12/schema",
      );
  });
});
