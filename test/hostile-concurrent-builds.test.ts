import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HOLDING_LINE } from "../src/cli/hold-before-rename.js";
import { fingerprint } from "./helpers/fingerprint.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { spawnCse } from "./helpers/run-cli.js";
import { PROJECT_ROOT, testdir } from "./helpers/testdir.js";

// Issue 9 and B7: a build killed while it writes, and two builds at once into one folder, each
// leave a whole pack. Real processes, several full builds each: in the thorough tier
// (`npm run test:thorough`, run by CI), not in the quick `npm test`.

const EPOCH = { SOURCE_DATE_EPOCH: "1800000000" };
const BIN = path.join(PROJECT_ROOT, "bin/cse.js");

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
