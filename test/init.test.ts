import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runCse } from "./helpers/run-cli.js";
import { PROJECT_ROOT, testdir } from "./helpers/testdir.js";
import stringWidth from "string-width";

/** A digest of every path and file content below `dir`, to prove nothing changed. */
function hashTree(dir: string): string {
  const h = createHash("sha256");
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      h.update(`${path.relative(dir, p)}\0${st.isDirectory() ? "dir" : "file"}\0`);
      if (st.isDirectory()) walk(p);
      else h.update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return h.digest("hex");
}

function yamlFiles(dir: string, rel = ""): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return yamlFiles(dir, p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

describe("cse init", () => {
  it("starts a submission in an empty folder that validates with no problems", async () => {
    const dir = testdir({});
    const r = await runCse(
      [
        "init",
        "--organisation",
        "Northmoor Library",
        "--visit",
        "2027-03-09",
        "--section",
        "library:Library",
        "--section",
        "IT Services",
      ],
      { cwd: dir },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Started a submission in this folder");
    for (const line of r.stdout.split("\n")) expect(stringWidth(line)).toBeLessThanOrEqual(80);

    const v = await runCse(["validate", "--format", "json"], { cwd: dir });
    expect(JSON.parse(v.stdout)).toMatchObject({ errorCount: 0, warningCount: 0, diagnostics: [] });
    expect(v.code).toBe(0);

    const config = parse(fs.readFileSync(path.join(dir, "cse.yaml"), "utf8"));
    expect(config).toMatchObject({
      organisation: "Northmoor Library",
      assessment: { kind: "initial", date: "2027-03-09" },
      sections: [
        { id: "library", name: "Library" },
        { id: "it-services", name: "IT Services" },
      ],
    });
    // The standard is copied byte for byte from the package.
    for (const name of fs.readdirSync(path.resolve(import.meta.dirname, "../criteria"))) {
      expect(fs.readFileSync(path.join(dir, "criteria", name))).toEqual(
        fs.readFileSync(path.resolve(import.meta.dirname, "../criteria", name)),
      );
    }
  });

  it("starts a submission that cse build turns into a pack, with the examples left out as drafts", async () => {
    const dir = testdir({});
    expect(
      (await runCse(["init", "--organisation", "Anytown Libraries", "--visit", "2027-06-15"], { cwd: dir }))
        .code,
    ).toBe(0);
    const r = await runCse(["build", "--format", "html"], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: "1800000000" },
    });
    expect(r.code, r.stderr).toBe(0);
    const html = fs.readFileSync(path.join(dir, "out/submission.html"), "utf8");
    expect(html).toContain("Anytown Libraries");
    expect(html).not.toContain("(example)");
    expect(fs.readFileSync(path.join(dir, ".gitignore"), "utf8")).toContain("/out/");
  });

  it("gives every YAML file a schema line that resolves to a written schema", async () => {
    const dir = testdir({});
    expect((await runCse(["init", "new-sub"], { cwd: dir })).code).toBe(0);
    const root = path.join(dir, "new-sub");
    const files = yamlFiles(root).filter((f) => !f.startsWith(".github/"));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const first = fs.readFileSync(path.join(root, f), "utf8").split("\n")[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f).not.toBeNull();
      expect(fs.existsSync(path.resolve(path.dirname(path.join(root, f)), m![1]!)), `${f} → ${m![1]}`).toBe(
        true,
      );
    }
  });

  it("writes a CI workflow that installs this version of cse, validates and lists the gaps", async () => {
    const dir = testdir({});
    expect((await runCse(["init"], { cwd: dir })).code).toBe(0);
    const { name, version } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"));
    const workflow = parse(fs.readFileSync(path.join(dir, ".github/workflows/cse.yml"), "utf8"));
    expect(workflow.env.CSE_PACKAGE).toBe(`${name}@${version}`);
    const runs = workflow.jobs.check.steps.map((s: { run?: string }) => s.run ?? "").join("\n");
    expect(runs).toContain('npm install --global --no-audit --no-fund "$CSE_PACKAGE"');
    expect(runs).toContain("cse validate --format github");
    expect(runs).toContain("cse gaps");
    // Never `npx cse`: that would fetch whatever is published under the bare name.
    expect(runs).not.toMatch(/npx/);
    expect(fs.readFileSync(path.join(dir, ".gitignore"), "utf8")).toContain("/out/");
  });

  it("installs what --ci-package names instead, when given", async () => {
    const dir = testdir({});
    const spec = "https://example.org/cse-submission-0.1.0.tgz";
    expect((await runCse(["init", "--ci-package", spec], { cwd: dir })).code).toBe(0);
    expect(parse(fs.readFileSync(path.join(dir, ".github/workflows/cse.yml"), "utf8")).env.CSE_PACKAGE).toBe(
      spec,
    );
  });

  it.each([
    ["a cse.yaml", { "cse.yaml": "organisation: Old\n" }, ["cse.yaml"]],
    ["an evidence folder", { "evidence/E001.yaml": "id: E001\n" }, ["evidence/"]],
    ["an empty assessment folder", { "assessment/.keep": "" }, ["assessment/"]],
    [
      "a schema and a workflow",
      { "schemas/cse.schema.json": "{}", ".github/workflows/cse.yml": "name: x\n" },
      ["schemas/cse.schema.json", ".github/workflows/cse.yml"],
    ],
  ])(
    "refuses a folder holding %s, lists what is in the way and changes nothing",
    async (_, files, listed) => {
      const dir = testdir({ "README.md": "# Ours\n", ...files });
      const before = hashTree(dir);
      const r = await runCse(["init", "--organisation", "X"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("changed nothing");
      for (const p of listed) expect(r.stderr).toContain(`  ${p}\n`);
      expect(r.stderr).not.toContain("at ");
      expect(hashTree(dir)).toBe(before);
    },
  );

  it("keeps an existing .gitignore and README and starts the submission beside them", async () => {
    const dir = testdir({ ".gitignore": "*.log\n", "README.md": "# Ours\n" });
    const r = await runCse(["init"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("add the line /out/");
    expect(fs.readFileSync(path.join(dir, ".gitignore"), "utf8")).toBe("*.log\n");
    expect(fs.existsSync(path.join(dir, "cse.yaml"))).toBe(true);
  });

  it.each([
    [["--section", "bad id:Library"], "--section"],
    [["--section", "it:"], "needs a name"],
    [["--section", "it:IT", "--section", "it:Other"], "given twice"],
    [["--visit", "2027-02-30"], "--visit"],
    [["--kind", "annual"], "annual"],
  ])("rejects %j with exit 2 and writes nothing", async (args, message) => {
    const dir = testdir({});
    const r = await runCse(["init", ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("refuses a DIR that is a file", async () => {
    const dir = testdir({ "notes.txt": "x" });
    const r = await runCse(["init", "notes.txt"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is a file");
  });
});
