import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: the benchmark's generator is plain JavaScript without types.
import { generate } from "../bench/generate.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse, spawnCse } from "./helpers/run-cli.js";
import { copySample, PROJECT_ROOT, testdir } from "./helpers/testdir.js";

// Issue 9, nothing lost: the pack is written only where it should be, whole or not at all, and
// the submission's own files are never changed by any command.

const EPOCH = { SOURCE_DATE_EPOCH: "1800000000" };
const BIN = path.join(PROJECT_ROOT, "bin/cse.js");

beforeAll(() => {
  execFileSync(
    process.execPath,
    [path.join(PROJECT_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    { cwd: PROJECT_ROOT },
  );
});

/** Every file below `dir` (but `skip`) with the SHA-256 of its bytes, sorted by path. */
function fingerprint(dir: string, skip: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (skip.includes(r)) continue;
      if (e.isDirectory()) walk(r);
      else
        out[r] = createHash("sha256")
          .update(fs.readFileSync(path.join(dir, r)))
          .digest("hex");
    }
  };
  walk("");
  return out;
}

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

describe("killed and concurrent builds of a large submission", () => {
  let dir: string;
  let earlier: Record<string, string>;

  beforeAll(() => {
    // Not testdir: that removes its folders after each test, and this one serves them all.
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cse-kill-")));
    generate({ out: dir, items: 500, seed: 9 });
    const r = spawnCse(["build"], { cwd: dir, env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    earlier = fingerprint(path.join(dir, "out"));
    expect(Object.keys(earlier)).toEqual(["submission.html", "submission.pdf"]);
    // The next builds would write a different pack.
    const cse = path.join(dir, "cse.yaml");
    fs.writeFileSync(cse, fs.readFileSync(cse, "utf8").replace(/^title: .*$/m, "title: A different pack"));
  }, 300_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Spawns a build, calling `tick` every millisecond until it ends; resolves with how it ended. */
  function startBuild(
    tick?: (kill: () => void) => void,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, "build"], {
        cwd: dir,
        env: { PATH: process.env.PATH, ...EPOCH },
      });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const timer = tick ? setInterval(() => tick(() => child.kill("SIGKILL")), 1) : null;
      child.on("close", (code, signal) => {
        if (timer) clearInterval(timer);
        resolve({ code, signal, stderr });
      });
    });
  }

  it("killed while it writes, it leaves the earlier pack whole; the next build removes what it left", async () => {
    const out = path.join(dir, "out");
    // Kill the moment a temporary file appears in cse's staging folder: the worst time,
    // half-way through writing.
    const writing = () => {
      try {
        const staging = fs.readdirSync(out).filter((n) => n.startsWith(".cse-staging-"));
        return staging.some((n) => fs.readdirSync(path.join(out, n)).some((f) => f.endsWith(".new")));
      } catch {
        return false; // the folder went between the two listings
      }
    };
    const r = await startBuild((kill) => writing() && kill());
    expect(r.signal).toBe("SIGKILL");
    const left = fs.readdirSync(out).filter((n) => !n.startsWith("."));
    expect(left.sort()).toEqual(["submission.html", "submission.pdf"]);
    expect(
      fingerprint(
        out,
        fs.readdirSync(out).filter((n) => n.startsWith(".")),
      ),
    ).toEqual(earlier);
    for (const n of fs.readdirSync(out).filter((n) => n.startsWith(".")))
      expect(n).toMatch(/^\.cse-staging-\d+-[A-Za-z0-9]{6}$/);

    // A later build (here, HTML only) sweeps up the killed one's staging folder.
    const next = spawnCse(["build", "--format", "html"], { cwd: dir, env: EPOCH });
    expect(next.code, next.stderr).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(["submission.html", "submission.pdf"]);
  }, 300_000);

  it("killed at any moment, it never leaves a partial pack", async () => {
    const out = path.join(dir, "out");
    const before = fingerprint(out);
    for (const delay of [200, 800, 1600, 3200]) {
      const start = Date.now();
      const r = await startBuild((kill) => Date.now() - start >= delay && kill());
      const visible = fingerprint(
        out,
        fs.readdirSync(out).filter((n) => n.startsWith(".")),
      );
      if (r.signal === "SIGKILL") expect(visible).toEqual(before);
      else expect(r.code).toBe(0); // it finished first: then the pack is the new one, whole
      for (const [name, hash] of Object.entries(visible))
        if (hash !== before[name]) expect(fs.statSync(path.join(out, name)).size).toBeGreaterThan(1000);
    }
  }, 300_000);

  it("two builds at once into one folder each leave a whole pack", async () => {
    const out = path.join(dir, "out");
    const [a, b] = await Promise.all([startBuild(), startBuild()]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(fs.readdirSync(out).sort()).toEqual(["submission.html", "submission.pdf"]);
    const both = fingerprint(out);
    // The same input and SOURCE_DATE_EPOCH: whichever build renamed last, the bytes are a single build's.
    const single = spawnCse(["build", "--out", path.join(testdir({}), "pack")], { cwd: dir, env: EPOCH });
    expect(single.code).toBe(0);
    const reference = fingerprint(path.join(single.stdout.match(/Wrote (.*)submission\.html/)![1]!));
    expect(both).toEqual(reference);
    const html = fs.readFileSync(path.join(out, "submission.html"), "utf8");
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    const pdf = fs.readFileSync(path.join(out, "submission.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
  }, 300_000);
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
