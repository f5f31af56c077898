import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileDir, testdir } from "./testdir.js";

/** Runs git in `dir` with fixed dates (`date` YYYY-MM-DD, noon UTC) and returns its output. */
export function gitIn(dir: string, args: string[], date = "2014-01-01"): string {
  const stamp = `${date}T12:00:00Z`;
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: stamp,
      GIT_COMMITTER_DATE: stamp,
      GIT_CONFIG_NOSYSTEM: "1",
      LC_ALL: "C",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/**
 * A throwaway git repository (removed after the test) holding `files` uncommitted, with a
 * local user and no signing, so commits work on any machine.
 */
export function gitRepo(files: Record<string, string | Uint8Array> = {}): string {
  const dir = testdir(files);
  gitIn(dir, ["init", "-q", "-b", "main"]);
  gitIn(dir, ["config", "user.name", "Test Author"]);
  gitIn(dir, ["config", "user.email", "author@example.org"]);
  gitIn(dir, ["config", "commit.gpgsign", "false"]);
  gitIn(dir, ["config", "tag.gpgsign", "false"]);
  return dir;
}

/** Writes files into `dir` (null deletes one), relative paths with `/`. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array | null>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    if (content === null) fs.rmSync(abs, { force: true });
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
    }
  }
}

/** Stages everything and commits it on `date` (YYYY-MM-DD); returns the commit id. */
export function commitAll(dir: string, message: string, date: string): string {
  gitIn(dir, ["add", "-A"], date);
  gitIn(dir, ["commit", "-q", "--allow-empty", "-m", message], date);
  return gitIn(dir, ["rev-parse", "HEAD"]).trim();
}

/**
 * A repository made once per test file by `make` (commits and tags take many git processes),
 * then copied whole for each test that asks for it, so a test may change its copy freely.
 * The copy's index no longer matches the files' times, which git notices and checks again.
 */
export function repoTemplate<T extends { dir: string }>(make: () => T): () => T {
  let template: T | null = null;
  return () => {
    if (template === null) {
      const made = make();
      const keep = fileDir();
      fs.cpSync(made.dir, keep, { recursive: true });
      template = { ...made, dir: keep };
    }
    const dir = testdir({});
    fs.cpSync(template.dir, dir, { recursive: true });
    return { ...template, dir };
  };
}
