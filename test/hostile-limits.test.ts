import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GitTree } from "../src/git/git-tree.js";
import { loadSubmission } from "../src/load/load-submission.js";
import { commitAll, gitRepo } from "./helpers/git-repo.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { PROJECT_ROOT, testdir } from "./helpers/testdir.js";

// Issue 9, limits: each resource-exhaustion attack gives a clear `yaml-limit` from the real
// binary, run with a 256 MiB heap: were any of them unbounded, the process would die of it
// (exit 134, a V8 heap report on stderr) instead of exiting 1 with a diagnostic.

/** The compiled cse with a capped heap and stack, validating `dir` as JSON. */
function validateCapped(dir: string): {
  code: number | null;
  stderr: string;
  diagnostics: { file: string; line: number; column: number; code: string; message: string }[];
} {
  const r = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=256",
      path.join(PROJECT_ROOT, "bin/cse.js"),
      "validate",
      "--as-of",
      "2015-01-10",
      "--format",
      "json",
    ],
    {
      cwd: dir,
      env: { PATH: process.env.PATH },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  let diagnostics = [];
  try {
    diagnostics = JSON.parse(r.stdout).diagnostics;
  } catch {
    // Left empty: the assertions below then show stderr.
  }
  return { code: r.status, stderr: r.stderr, diagnostics };
}

function writeHundredMegabytes(file: string): void {
  const fd = fs.openSync(file, "w");
  const block = Buffer.from(`- ${"x".repeat(1021)}\n`.repeat(1024));
  for (let i = 0; i < 100; i++) fs.writeSync(fd, block);
  fs.closeSync(fd);
}

function withFile(name: string, content: string | Buffer): string {
  const dir = testdir(minimalSubmission());
  fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function expectOneLimit(dir: string, file: string, message: RegExp): void {
  const r = validateCapped(dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1);
  expect(r.diagnostics).toHaveLength(1);
  expect(r.diagnostics[0]).toMatchObject({ file, code: "yaml-limit" });
  expect(r.diagnostics[0]!.message).toMatch(message);
}

describe("resource-exhaustion guards, through the real binary with a 256 MiB heap", () => {
  it("an alias bomb (a billion laughs) is refused before it expands", () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let prev = "a";
    for (const name of "bcdefghi") {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
      prev = name;
    }
    expectOneLimit(
      withFile("evidence/bomb.yaml", lines.join("\n") + "\n"),
      "evidence/bomb.yaml",
      /expands aliases more than \d+ times/,
    );
  });

  it("a 100 MB file is refused without being read", () => {
    const dir = testdir(minimalSubmission());
    writeHundredMegabytes(path.join(dir, "evidence/huge.yaml"));
    expectOneLimit(dir, "evidence/huge.yaml", /100\.0 MiB, more than the \d+ MiB cse reads/);
  });

  it("10,000 levels of flow nesting are refused", () => {
    expectOneLimit(
      withFile("evidence/deep.yaml", `a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`),
      "evidence/deep.yaml",
      /nests collections more than \d+ levels deep/,
    );
  });

  it("10,000 levels of block nesting are refused", () => {
    expectOneLimit(
      withFile("evidence/deep.yaml", `${"- ".repeat(10_000)}x\n`),
      "evidence/deep.yaml",
      /nests collections more than \d+ levels deep/,
    );
    // Indented, 10,000 levels take 50 MB, over the size limit; 2,000 stay under it.
    const indented = Array.from({ length: 2_000 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " x\n";
    expectOneLimit(
      withFile("evidence/deep.yaml", indented),
      "evidence/deep.yaml",
      /nests collections more than \d+ levels deep/,
    );
  });

  it("a 1 MB line is refused", () => {
    expectOneLimit(
      withFile("evidence/line.yaml", `id: ${"a".repeat(1024 * 1024)}\n`),
      "evidence/line.yaml",
      /line 1 is 1048580 characters long/,
    );
  });

  it("many files at the limits together stay bounded", () => {
    const dir = testdir(minimalSubmission());
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from(
        { length: 8 },
        (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`,
      ),
    ].join("\n");
    for (let i = 0; i < 40; i++) {
      fs.writeFileSync(path.join(dir, `evidence/bomb${i}.yaml`), bomb);
      fs.writeFileSync(path.join(dir, `evidence/deep${i}.yaml`), `${"- ".repeat(10_000)}x\n`);
    }
    const r = validateCapped(dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.diagnostics).toHaveLength(80);
    expect(new Set(r.diagnostics.map((d) => d.code))).toEqual(new Set(["yaml-limit"]));
  });
});

describe("other files the build reads", () => {
  it("a 100 MB introduction is refused by its size, not read", async () => {
    const dir = testdir({
      ...minimalSubmission(),
      "cse.yaml": `${minimalSubmission()["cse.yaml"]}build:\n  introduction: docs/introduction.md\n`,
    });
    fs.mkdirSync(path.join(dir, "docs"));
    writeHundredMegabytes(path.join(dir, "docs/introduction.md"));
    const r = spawnSync(
      process.execPath,
      ["--max-old-space-size=256", path.join(PROJECT_ROOT, "bin/cse.js"), "build", "--format", "html"],
      { cwd: dir, env: { PATH: process.env.PATH, SOURCE_DATE_EPOCH: "1800000000" }, encoding: "utf8" },
    );
    expect(r.stderr).toMatch(/build.introduction "docs\/introduction.md" is larger than the 4 MiB cse reads/);
    expect(r.status).toBe(1);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});

describe("the same limits on a git revision (--ref)", () => {
  it("a committed 100 MB YAML file is refused by its size, without fetching it from git", () => {
    const dir = gitRepo(minimalSubmission());
    writeHundredMegabytes(path.join(dir, "evidence/huge.yaml"));
    commitAll(dir, "huge", "2014-06-01");
    const before = process.memoryUsage().arrayBuffers;
    const tree = GitTree.open(dir, "HEAD");
    // Held outside V8's heap, so a heap cap would not notice: measure the buffers themselves.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
    const r = loadSubmission(tree);
    expect(r.diagnostics).toMatchObject([{ file: "evidence/huge.yaml", code: "yaml-limit" }]);
    expect(r.diagnostics[0]!.message).toMatch(/100\.0 MiB/);
  });
});
