import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { gitIn, gitRepo } from "./helpers/git-repo.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";

// A repository can be damaged, or made to harm: what cse reads from git is checked against
// what git declares, before and after it is fetched.

function committedSubmission(): string {
  const dir = gitRepo(minimalSubmission());
  gitIn(dir, ["add", "-A"]);
  gitIn(dir, ["commit", "-qm", "init submission"]);
  return dir;
}

/** Writes a loose object whose header promises `declared` bytes but holds `body`; returns its id. */
function shortObject(dir: string, declared: number, body: string): string {
  const id = createHash("sha1").update(`short object ${declared} ${body}`).digest("hex");
  const file = path.join(dir, ".git/objects", id.slice(0, 2), id.slice(2));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, zlib.deflateSync(Buffer.from(`blob ${declared}\0${body}`)));
  return id;
}

function commitEntry(dir: string, mode: string, id: string, file: string): void {
  gitIn(dir, ["update-index", "--add", "--cacheinfo", `${mode},${id},${file}`]);
  gitIn(dir, ["commit", "-qm", "damage"]);
}

describe("a damaged or hostile repository read with --ref", () => {
  // git prints the promised size and fewer bytes, and exits 0: the shortfall is cse's to see.
  it("an object shorter than its header is a clear error naming the file, exit 2", async () => {
    const dir = committedSubmission();
    commitEntry(dir, "100644", shortObject(dir, 5000, "id: E009\n"), "evidence/E009.yaml");
    for (const args of [
      ["validate", "--ref", "HEAD"],
      ["gaps", "--ref", "HEAD"],
      ["diff", "HEAD~1", "HEAD"],
    ]) {
      const r = await runCse(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        "the git repository is damaged: evidence/E009.yaml at HEAD cannot be read whole",
      );
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it("a link longer than any path is refused by its declared size, exit 2", async () => {
    const dir = committedSubmission();
    fs.writeFileSync(path.join(dir, "link-target"), "a/".repeat(3000));
    const id = gitIn(dir, ["hash-object", "-w", "link-target"]).trim();
    fs.rmSync(path.join(dir, "link-target"));
    commitEntry(dir, "120000", id, "evidence/biglink");
    const r = await runCse(["validate", "--ref", "HEAD"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("evidence/biglink at HEAD is stored as a link of 6000 bytes");
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it("a revision that searches commit messages (:/text) is understood", async () => {
    const dir = committedSubmission();
    const r = await runCse(["validate", "--ref", ":/init submission"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  });
});
