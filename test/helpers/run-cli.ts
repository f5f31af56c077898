import { spawnSync } from "node:child_process";
import path from "node:path";
import { run } from "../../src/cli/run.js";
import { PROJECT_ROOT } from "./testdir.js";

/** What a run of cse gave. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs cse in-process with captured output (fast; no mocking needed). */
export async function runCse(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; tty?: boolean } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false },
    cwd: opts.cwd ?? PROJECT_ROOT,
    // As for the spawned binary: the caller's variables over the PATH git is found on.
    env: { PATH: process.env.PATH, ...opts.env },
  });
  return { code, stdout, stderr };
}

/** Runs the real, compiled binary as a child process. */
export function spawnCse(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined> } = {},
): CliResult {
  const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "bin/cse.js"), ...args], {
    cwd: opts.cwd ?? PROJECT_ROOT,
    env: { PATH: process.env.PATH, ...opts.env },
    encoding: "utf8",
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
