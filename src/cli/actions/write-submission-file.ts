import fs from "node:fs";
import path from "node:path";
import { writeFailureReason, writeInsideRoot } from "../../util/write-inside-root.js";
import { CliError } from "../exit-codes.js";

/**
 * Writes one file of the submission (root-relative path), whole or not at all, through the one
 * inside-the-root rule every writing command uses (util/write-inside-root.ts): the writing
 * commands of the year (record, finding new, visit next, new service-standard) write here.
 */
export function writeSubmissionFile(root: string, file: string, content: string): void {
  try {
    writeInsideRoot(root, [{ path: file, content }]);
  } catch (err) {
    throw new CliError(`could not write ${file} (${writeFailureReason(err)})`);
  }
}

/** Reads one file of the submission as text, or fails with a message naming it. */
export function readSubmissionFile(root: string, file: string): string {
  try {
    return fs.readFileSync(path.resolve(root, ...file.split("/")), "utf8");
  } catch (err) {
    throw new CliError(
      `could not read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
}
