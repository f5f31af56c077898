import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, testdir } from "./helpers/testdir.js";

// A new user installs cse from a release tarball, never from a clone: pack the project as a
// release is packed (scripts/pack.js; dist already built, as every end-to-end test assumes),
// install the tarball into a
// temporary prefix with the install line of the workflow `cse init` writes, and use it.
// Dependencies come from npm's cache, filled by `npm ci`; the network is only a fallback.

const { name, version } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"));

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function sh(command: string, args: string[], cwd: string, env: Record<string, string>): Ran {
  const r = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The `run` scripts of the workflow's steps, by step name. */
function workflowSteps(file: string): Map<string, string> {
  const workflow = parse(fs.readFileSync(file, "utf8"));
  const steps = workflow.jobs.check.steps as { name?: string; run?: string }[];
  return new Map(steps.filter((s) => s.name && s.run).map((s) => [s.name!, s.run!]));
}

describe("the packed tarball", () => {
  it("holds only what users need, installs without a clone, and runs init, validate and build", () => {
    const work = testdir({});
    const packed = sh(process.execPath, [path.join(PROJECT_ROOT, "scripts/pack.js"), work], work, {});
    expect(packed.code, packed.stderr).toBe(0);
    const tarball = packed.stdout.trim();
    expect(path.basename(tarball)).toBe(`${name}-${version}.tgz`);

    const listing = sh("tar", ["-tzf", tarball], work, {}).stdout.split("\n").filter(Boolean);
    const files = listing.map((f) => f.replace(/^package\//, ""));
    expect(files).toContain("bin/cse.js");
    expect(files).toContain("dist/cli/run.js");
    expect(files).toContain("criteria/standard.yaml");
    expect(files).toContain("schemas/evidence.schema.json");
    expect(files).toContain("fonts/DejaVuSans.ttf");
    // Sources, tests, tooling and the sample submission's own files (its introduction too).
    const notForUsers =
      /^(src|test|bench|scripts|evidence|assessment|node_modules)\/|\.test\.js$|^tsconfig|^vitest/;
    const unwanted = files.filter((f) => notForUsers.test(f) || f === "docs/introduction.md");
    expect(unwanted).toEqual([]);

    // The workflow of a new submission installs cse with this line; only the package differs.
    const sample = path.join(work, "first");
    fs.mkdirSync(sample);
    const prefix = path.join(work, "prefix");
    const bin = path.join(prefix, "bin");
    const env = {
      npm_config_prefix: prefix,
      npm_config_prefer_offline: "true",
      npm_config_update_notifier: "false",
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      CSE_PACKAGE: tarball,
      SOURCE_DATE_EPOCH: "1780000000",
    };
    const install = sh(process.execPath, [path.join(PROJECT_ROOT, "bin/cse.js"), "init"], sample, env);
    expect(install.code, install.stderr).toBe(0);
    const installLine = workflowSteps(path.join(sample, ".github/workflows/cse.yml")).get("Install cse")!;
    const installed = sh("bash", ["-e", "-c", installLine], work, env);
    expect(installed.code, installed.stderr).toBe(0);
    // The tarball carries no build script, so npm has nothing to warn a user about.
    expect(installed.stderr).not.toMatch(/install-scripts|prepare/);
    const manifest = JSON.parse(sh("tar", ["-xzOf", tarball, "package/package.json"], work, {}).stdout);
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    expect(fs.existsSync(path.join(prefix, "lib/node_modules", name, "package.json"))).toBe(true);

    const cse = (args: string[], cwd: string) => sh("cse", args, cwd, env);
    expect(cse(["--version"], work).stdout.trim()).toBe(version);
    const init = cse(["init", "northmoor", "--organisation", "Northmoor Library"], work);
    expect(init.code, init.stderr).toBe(0);
    const root = path.join(work, "northmoor");
    const validate = cse(["validate"], root);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    const build = cse(["build"], root);
    expect(build.code, build.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, "out/submission.html"), "utf8")).toContain("Northmoor Library");
    expect(fs.readFileSync(path.join(root, "out/submission.pdf")).subarray(0, 5).toString()).toBe("%PDF-");

    // The new submission's own workflow passes as written, with the cse it pins.
    const steps = workflowSteps(path.join(root, ".github/workflows/cse.yml"));
    expect(parse(fs.readFileSync(path.join(root, ".github/workflows/cse.yml"), "utf8")).env.CSE_PACKAGE).toBe(
      `${name}@${version}`,
    );
    const summary = path.join(work, "step-summary.md");
    for (const step of ["Validate", "Gaps"]) {
      const ran = sh("bash", ["-e", "-c", steps.get(step)!], root, { ...env, GITHUB_STEP_SUMMARY: summary });
      expect(ran.code, `${step}: ${ran.stdout}${ran.stderr}`).toBe(0);
    }
    expect(fs.readFileSync(summary, "utf8")).toMatch(/^# /m);
  }, 240_000);
});
