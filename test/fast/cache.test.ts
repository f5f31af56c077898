import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CACHE_FILE } from "../../src/cli/cache-file.js";
import { minimalSubmission } from "../helpers/minimal.js";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";

const AS_OF = ["--as-of", "2015-01-10"];

/** Runs a command with and without the cache and returns both results. */
async function both(dir: string, args: string[]) {
  const plain = await runCse([...args, ...AS_OF], { cwd: dir });
  const cached = await runCse([...args, ...AS_OF, "--cache"], { cwd: dir });
  return { plain, cached };
}

/** Every command's stdout and exit status with the cache equal those without it. */
async function expectSameOutput(dir: string) {
  for (const args of [["validate"], ["gaps", "--format", "json"]]) {
    const { plain, cached } = await both(dir, args);
    expect(cached.stdout, args.join(" ")).toBe(plain.stdout);
    expect(cached.code, args.join(" ")).toBe(plain.code);
  }
}

const write = (dir: string, rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};

describe("--cache", () => {
  it("gives the output of a run without it, through edits, additions, deletions and renames", async () => {
    const dir = testdir(minimalSubmission());
    await expectSameOutput(dir);
    expect(fs.existsSync(path.join(dir, CACHE_FILE))).toBe(true);
    // A run with an unchanged submission uses the cache and leaves it as it was.
    const before = fs.readFileSync(path.join(dir, CACHE_FILE));
    await runCse(["validate", "--cache", ...AS_OF], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, CACHE_FILE)).equals(before)).toBe(true);

    // An edit that breaks a cross-reference: found although the other files come from the cache.
    const e001 = fs.readFileSync(path.join(dir, "evidence/E001.yaml"), "utf8");
    write(dir, "evidence/E001.yaml", e001.replace(/"1\.1\.1"/, '"9.9.9"'));
    await expectSameOutput(dir);
    expect((await runCse(["validate", "--cache", ...AS_OF], { cwd: dir })).stdout).toContain("9.9.9");

    // A schema mistake in an edited file.
    write(dir, "evidence/E001.yaml", e001.replace(/^title:.*$/m, "titel: misspelt"));
    await expectSameOutput(dir);
    // Mended again.
    write(dir, "evidence/E001.yaml", e001);
    await expectSameOutput(dir);

    // An added item, then one with a syntax error, then deleted.
    write(dir, "evidence/E900.yaml", e001.replace("id: E001", "id: E900"));
    await expectSameOutput(dir);
    write(dir, "evidence/E901.yaml", 'id: "E901\ntitle: never closed\n');
    await expectSameOutput(dir);
    fs.rmSync(path.join(dir, "evidence/E901.yaml"));
    await expectSameOutput(dir);

    // A rename: the same bytes at another path (a duplicate id is reported at the right file).
    fs.mkdirSync(path.join(dir, "evidence/sub"));
    fs.renameSync(path.join(dir, "evidence/E900.yaml"), path.join(dir, "evidence/sub/E900-moved.yaml"));
    await expectSameOutput(dir);
    fs.copyFileSync(
      path.join(dir, "evidence/sub/E900-moved.yaml"),
      path.join(dir, "evidence/E900-copy.yaml"),
    );
    const dup = await both(dir, ["validate"]);
    expect(dup.cached.stdout).toContain("duplicate-id");
    expect(dup.cached.stdout).toBe(dup.plain.stdout);

    // cse.yaml changes what other files mean (a person removed): checked again.
    const cse = fs.readFileSync(path.join(dir, "cse.yaml"), "utf8");
    write(dir, "cse.yaml", cse.replace(/ {2}- id: ann\n {4}name: Ann Example\n {4}section: library\n/, ""));
    await expectSameOutput(dir);
    expect((await runCse(["validate", "--cache", ...AS_OF], { cwd: dir })).stdout).toContain(
      "unknown-person",
    );
  });

  it("the same file moved from evidence to case studies is checked against the other schema", async () => {
    const dir = testdir(minimalSubmission());
    await expectSameOutput(dir);
    fs.renameSync(path.join(dir, "evidence/E002.yaml"), path.join(dir, "evidence/case-studies/E002.yaml"));
    await expectSameOutput(dir);
    expect((await runCse(["validate", "--cache", ...AS_OF], { cwd: dir })).stdout).toContain("schema");
  });

  it("ignores and rewrites a damaged, foreign or truncated cache", async () => {
    const dir = testdir(minimalSubmission());
    const plain = await runCse(["validate", "--format", "json", ...AS_OF], { cwd: dir });
    const file = path.join(dir, CACHE_FILE);
    await runCse(["validate", "--cache", ...AS_OF], { cwd: dir });
    const good = fs.readFileSync(file);
    for (const damaged of [
      Buffer.from("not a cache at all"),
      good.subarray(0, Math.floor(good.length / 2)),
      Buffer.concat([good.subarray(0, 40), Buffer.alloc(200, 0xff)]),
      Buffer.from(""),
    ]) {
      fs.writeFileSync(file, damaged);
      const r = await runCse(["validate", "--format", "json", "--cache", ...AS_OF], { cwd: dir });
      expect(r.stdout).toBe(plain.stdout);
      expect(r.code).toBe(plain.code);
      expect(fs.readFileSync(file).equals(good)).toBe(true);
    }
  });

  it("never trusts an entry for bytes other than the file's (a cache from another submission)", async () => {
    const a = testdir(minimalSubmission());
    const files = minimalSubmission();
    files["evidence/E001.yaml"] = files["evidence/E001.yaml"]!.replace(/^title:.*$/m, "titel: misspelt");
    const b = testdir(files);
    await runCse(["validate", "--cache", ...AS_OF], { cwd: a });
    fs.copyFileSync(path.join(a, CACHE_FILE), path.join(b, CACHE_FILE));
    const { plain, cached } = await both(b, ["validate"]);
    expect(plain.code).toBe(1);
    expect(cached.stdout).toBe(plain.stdout);
  });

  it("--cache-location takes a file or a folder, relative to the current folder", async () => {
    const dir = testdir(minimalSubmission());
    const elsewhere = testdir({ "keep/.placeholder": "" });
    await runCse(["validate", "--cache", "--cache-location", "keep", "--dir", dir, ...AS_OF], {
      cwd: elsewhere,
    });
    expect(fs.existsSync(path.join(elsewhere, "keep", CACHE_FILE))).toBe(true);
    await runCse(["validate", "--cache", "--cache-location", "my.cache", "--dir", dir, ...AS_OF], {
      cwd: elsewhere,
    });
    expect(fs.existsSync(path.join(elsewhere, "my.cache"))).toBe(true);
    expect(fs.existsSync(path.join(dir, CACHE_FILE))).toBe(false);
    // Without --cache, --cache-location does nothing.
    fs.rmSync(path.join(elsewhere, "my.cache"));
    await runCse(["validate", "--cache-location", "my.cache", "--dir", dir, ...AS_OF], { cwd: elsewhere });
    expect(fs.existsSync(path.join(elsewhere, "my.cache"))).toBe(false);
  });

  it("build --cache writes the same bytes", async () => {
    const dir = testdir(minimalSubmission());
    const env = { SOURCE_DATE_EPOCH: "1420070400" };
    const html = () => fs.readFileSync(path.join(dir, "out/submission.html"));
    expect((await runCse(["build", "--format", "html", ...AS_OF], { cwd: dir, env })).code).toBe(0);
    const plain = html();
    await runCse(["build", "--format", "html", "--cache", ...AS_OF], { cwd: dir, env });
    expect(html().equals(plain)).toBe(true);
    await runCse(["build", "--format", "html", "--cache", ...AS_OF], { cwd: dir, env });
    expect(html().equals(plain)).toBe(true);
  });

  it("a run in which one file changed appends to the cache; a torn end is not used and is written over", async () => {
    const dir = testdir(minimalSubmission());
    const cacheFile = path.join(dir, CACHE_FILE);
    await runCse(["validate", "--cache", ...AS_OF], { cwd: dir });
    const before = fs.readFileSync(cacheFile);
    const e001 = fs.readFileSync(path.join(dir, "evidence/E001.yaml"), "utf8");
    write(dir, "evidence/E001.yaml", e001.replace(/^title:.*$/m, "title: A changed title"));
    await expectSameOutput(dir);
    const after = fs.readFileSync(cacheFile);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    // A segment cut short (a run stopped while appending): the output is still a plain run's, and
    // the cache is written whole again.
    fs.writeFileSync(cacheFile, after.subarray(0, after.length - 10));
    write(dir, "evidence/E001.yaml", e001);
    await expectSameOutput(dir);
    const rewritten = fs.readFileSync(cacheFile);
    expect(rewritten.toString("latin1").split("cse-seg ").length - 1).toBe(1);
  });

  it("removes the temporaries a stopped run left beside the cache, never a running one's", async () => {
    const dir = testdir(minimalSubmission());
    const left = path.join(dir, `${CACHE_FILE}.999999999.0badf00d.tmp`);
    const running = path.join(dir, `${CACHE_FILE}.${process.pid}.0badf00d.tmp`);
    fs.writeFileSync(left, "half a cache");
    fs.writeFileSync(running, "being written");
    await runCse(["validate", "--cache", ...AS_OF], { cwd: dir });
    expect(fs.existsSync(left)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([path.basename(running)]);
  });

  it("a cache that cannot be written is said on stderr; the output is unchanged", async () => {
    const dir = testdir(minimalSubmission());
    fs.mkdirSync(path.join(dir, CACHE_FILE));
    fs.writeFileSync(path.join(dir, CACHE_FILE, "x"), "");
    const { plain, cached } = await both(dir, ["validate"]);
    expect(cached.stdout).toBe(plain.stdout);
    expect(cached.code).toBe(plain.code);
    expect(cached.stderr).toMatch(/cache .* could not be written/);
  });
});
