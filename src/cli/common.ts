import fs from "node:fs";
import path from "node:path";
import { GitTree } from "../git/git-tree.js";
import { findRoot } from "../load/find-root.js";
import { WorkTree, type SourceTree } from "../load/source-tree.js";
import { isCalendarDate, today } from "../util/dates.js";
import { CliError } from "./exit-codes.js";
import type { Io } from "./io.js";

/** Options every command that reads a submission takes. */
export interface SubmissionOptions {
  /** --dir: where to start looking for cse.yaml. */
  dir?: string;
  /** --ref: read the submission as at this git revision instead of the work tree. */
  ref?: string;
}

/** Finds the submission's root from --dir or the working folder, or fails with exit 2. */
export function resolveRoot(opts: SubmissionOptions, io: Io): string {
  const start = path.resolve(io.cwd, opts.dir ?? ".");
  let st: fs.Stats;
  try {
    st = fs.statSync(start);
  } catch {
    throw new CliError(`the folder ${start} does not exist`);
  }
  if (!st.isDirectory()) throw new CliError(`${start} is not a folder; --dir takes the submission's folder`);
  try {
    fs.readdirSync(start);
  } catch (err) {
    throw new CliError(
      `the folder ${start} cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  const root = findRoot(start);
  // With --ref the work tree may no longer hold cse.yaml; the revision is read from where we are.
  if (!root && opts.ref !== undefined) return start;
  if (!root)
    throw new CliError(
      `no cse.yaml found in ${start} or any folder above it; ` +
        "run cse in a submission (or pass --dir), or start one with cse init",
    );
  return root;
}

/** Opens the submission's files for reading: the work tree, or git's objects at `ref`. */
export function openTree(root: string, ref?: string): SourceTree {
  if (ref !== undefined) {
    const tree = GitTree.open(root, ref);
    if (tree.stat("cse.yaml").kind !== "file")
      throw new CliError(
        `there is no cse.yaml in ${root} at ${ref} (commit ${tree.commit.slice(0, 12)}); ` +
          "the submission did not exist there yet",
      );
    return tree;
  }
  try {
    return new WorkTree(root);
  } catch (err) {
    throw new CliError(`the folder ${root} cannot be read (${(err as Error).message})`);
  }
}

/** The --as-of date: a real calendar date, default today. */
export function parseAsOf(value: string | undefined): string {
  if (value === undefined) return today();
  if (!isCalendarDate(value))
    throw new CliError(`--as-of takes a date written YYYY-MM-DD that exists on the calendar, not "${value}"`);
  return value;
}

/** A --format value checked against the allowed names. */
export function pickFormat(value: string | undefined, allowed: readonly string[], fallback: string): string {
  const f = value ?? fallback;
  if (!allowed.includes(f)) throw new CliError(`--format takes ${allowed.join(", ")}, not "${f}"`);
  return f;
}
