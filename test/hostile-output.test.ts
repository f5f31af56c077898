import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HOLDING_LINE } from "../src/cli/hold-before-rename.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse, spawnCse } from "./helpers/run-cli.js";
import { copySample, PROJECT_ROOT, testdir } from "./helpers/testdir.js";

// Issue 9, nothing lost: the pack is written only where it should be, whole or not at all, and
// the submission's own files are never changed by any command.

const EPOCH = { SOURCE_DATE_EPOCH: "1800000000" };
const BIN = path.join(PROJECT_ROOT, "bin/cse.js");

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

describe("killed and concurrent builds", () => {
  // A held build (CSE_TEST_HOLD_BEFORE_RENAME, src/cli/hold-before-rename.ts) has written every
  // temporary file and waits on stdin before renaming: the test kills it, or lets another build
  // run, at that known moment, so no timer decides what is being tested.
  interface Held {
    child: ChildProcessWithoutNullStreams;
    holding: Promise<void>;
    ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  }

  function heldBuild(dir: string): Held {
    const child = spawn(process.execPath, [BIN, "build"], {
      cwd: dir,
      env: { PATH: process.env.PATH, ...EPOCH, CSE_TEST_HOLD_BEFORE_RENAME: "1" },
    });
    let stderr = "";
    let reached: () => void = () => {};
    const holding = new Promise<void>((resolve) => (reached = resolve));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes(HOLDING_LINE)) reached();
    });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
      (resolve) => child.on("close", (code, signal) => resolve({ code, signal, stderr })),
    );
    // A build that ends without holding fails the test below, instead of leaving it waiting.
    void ended.then(() => reached());
    return { child, holding, ended };
  }

  /** A built minimal submission whose next build would write a different pack. */
  function builtSubmission(): { dir: string; out: string; earlier: Record<string, string> } {
    const dir = testdir(minimalSubmission());
    const r = spawnCse(["build"], { cwd: dir, env: EPOCH });
    expect(r.code, r.stderr).toBe(0);
    const out = path.join(dir, "out");
    const earlier = fingerprint(out);
    expect(Object.keys(earlier)).toEqual(["submission.html", "submission.pdf"]);
    const cse = path.join(dir, "cse.yaml");
    fs.writeFileSync(cse, fs.readFileSync(cse, "utf8").replace("Test Service", "A different pack"));
    return { dir, out, earlier };
  }

  const temporaries = (out: string) => fs.readdirSync(out).filter((n) => n.startsWith("."));

  it("killed while it writes, it leaves the earlier pack whole; the next build removes what it left", async () => {
    const { dir, out, earlier } = builtSubmission();
    const build = heldBuild(dir);
    await build.holding;
    // Proof that it was writing: both new files are staged in cse's marked folder, not yet in place.
    expect(temporaries(out)).toHaveLength(1);
    const staging = temporaries(out)[0]!;
    expect(staging).toMatch(/^\.cse-staging-\d+-[A-Za-z0-9]{6}$/);
    expect(
      fs
        .readdirSync(path.join(out, staging))
        .filter((n) => n.endsWith(".new"))
        .sort(),
    ).toEqual(["0.new", "1.new"]);
    build.child.kill("SIGKILL");
    expect((await build.ended).signal).toBe("SIGKILL");
    expect(fingerprint(out, temporaries(out))).toEqual(earlier);

    // A later build (here, HTML only) sweeps up the killed one's staging folder.
    const next = spawnCse(["build", "--format", "html"], { cwd: dir, env: EPOCH });
    expect(next.code, next.stderr).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(["submission.html", "submission.pdf"]);
    expect(fingerprint(out)["submission.html"]).not.toBe(earlier["submission.html"]);
  }, 300_000);

  it("two builds at once into one folder each leave a whole pack", async () => {
    const { dir, out } = builtSubmission();
    const [a, b] = [heldBuild(dir), heldBuild(dir)];
    await Promise.all([a.holding, b.holding]);
    // Both are between writing and renaming at the same moment: two staging folders side by side.
    expect(temporaries(out)).toHaveLength(2);
    a.child.stdin.end("\n");
    const first = await a.ended;
    expect(first.code, first.stderr).toBe(0);
    // The second build's staging folder survived the first one's clean-up, since it still runs.
    expect(temporaries(out)).toHaveLength(1);
    b.child.stdin.end("\n");
    const second = await b.ended;
    expect(second.code, second.stderr).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(["submission.html", "submission.pdf"]);
    // The same input and SOURCE_DATE_EPOCH: whichever build renamed last, the bytes are a single build's.
    const elsewhere = path.join(testdir({}), "pack");
    const single = spawnCse(["build", "--out", elsewhere], { cwd: dir, env: EPOCH });
    expect(single.code, single.stderr).toBe(0);
    expect(fingerprint(out)).toEqual(fingerprint(elsewhere));
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
