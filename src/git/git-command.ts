import { spawnSync } from "node:child_process";

/**
 * A git operation that could not be done: git missing, not a repository, an unknown revision.
 * The command layer prints the message and ends with exit status 2; never a stack trace.
 */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GitError";
  }
}

/** What a finished git command gave. */
export interface GitResult {
  /** Exit status (null when killed). */
  status: number | null;
  stdout: Buffer;
  /** Standard error as text, trimmed. */
  stderr: string;
}

/** The message when git cannot be found; callers that know what needed git add that. */
export const GIT_MISSING = "git is not installed (or not on the PATH)";

let environment: Record<string, string | undefined> = process.env;

/**
 * Sets the environment git runs in (PATH, HOME, GIT_*): the command layer passes its Io's, so a
 * test gives git its own PATH without touching the process's.
 */
export function useGitEnvironment(env: Record<string, string | undefined>): void {
  environment = env;
}

/** The environment git runs in now (what `useGitEnvironment` last set). */
export function gitEnvironment(): Record<string, string | undefined> {
  return environment;
}

// Large enough for a listing or a batch of blobs; each caller reads only what it asked for.
const MAX_BUFFER = 2 ** 31 - 1;

/**
 * Runs `git args` in `cwd` and returns what it printed, whatever its exit status. Git's
 * messages are asked for in English (LC_ALL=C) because a few of them are recognised, and
 * optional locks are off so a read never contends with a commit running beside it.
 */
export function runGit(cwd: string, args: string[], input?: string | Uint8Array): GitResult {
  // A repository's own .git/config can name a program for `git status` to run (core.fsmonitor);
  // cse only reads, so it never wants one.
  const r = spawnSync("git", ["-c", "core.fsmonitor=false", ...args], {
    cwd,
    input,
    maxBuffer: MAX_BUFFER,
    env: { ...environment, LC_ALL: "C", LANGUAGE: "C", GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" },
    windowsHide: true,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new GitError(GIT_MISSING);
    throw new GitError(`git could not be run (${code ?? r.error.message})`);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString("utf8").trim() };
}

/** Runs git and returns its output; a failure becomes a GitError built by `explain` from git's message. */
export function git(
  cwd: string,
  args: string[],
  explain?: (stderr: string) => string,
  input?: string | Uint8Array,
): Buffer {
  const r = runGit(cwd, args, input);
  if (r.status !== 0) throw new GitError(explain ? explain(r.stderr) : describeFailure(args, r.stderr));
  return r.stdout;
}

/** A plain description of a failed git command, from the first line of its message. */
export function describeFailure(args: string[], stderr: string): string {
  if (/not a git repository/i.test(stderr)) return "this folder is not inside a git repository";
  if (/dubious ownership/i.test(stderr))
    return `git refuses to read this repository because another user owns it (${firstLine(stderr)})`;
  return `git ${args[0] ?? ""} failed: ${firstLine(stderr) || "no message"}`;
}

/** The first line of git's message, without "fatal: ". */
export function firstLine(stderr: string): string {
  return (stderr.split("\n")[0] ?? "").replace(/^(fatal|error): /, "").trim();
}
