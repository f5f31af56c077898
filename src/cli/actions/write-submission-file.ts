import fs from "node:fs";
import path from "node:path";
import { writeFilesAtomically } from "../../util/atomic-write.js";
import { CliError } from "../exit-codes.js";

/**
 * Writes one file of the submission (root-relative path), whole or not at all. The one place
 * the writing commands (record, finding new, visit next, new service-standard) write through,
 * so a shared rule about where cse may write can be put here once.
 */
export function writeSubmissionFile(root: string, file: string, content: string): void {
  const abs = path.resolve(root, ...file.split("/"));
  const rel = path.relative(root, abs);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel))
    throw new CliError(`${file} is outside the submission's folder; cse writes only inside it`);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    writeFilesAtomically([{ path: abs, content }]);
  } catch (err) {
    throw new CliError(
      `could not write ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
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
