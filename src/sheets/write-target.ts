import fs from "node:fs";
import path from "node:path";

/**
 * The absolute path to write a root-relative `file` to, or an error when it would land outside
 * the root (an absolute path, `..`, or a folder on the way that links elsewhere). The one place
 * cse import decides where it may write: to be replaced by the shared helper when it exists.
 */
export function resolveWriteTarget(root: string, file: string): string {
  const parts = file.split("/");
  if (path.isAbsolute(file) || parts.some((p) => p === ".." || p === "" || p === "."))
    throw new Error(`${file} is not a path inside the submission`);
  const realRoot = fs.realpathSync(root);
  const target = path.join(realRoot, ...parts);
  // The nearest folder that exists must really be inside the root (a link could lead out).
  let dir = path.dirname(target);
  while (!fs.existsSync(dir)) dir = path.dirname(dir);
  const real = fs.realpathSync(dir);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep))
    throw new Error(`${file} would be written outside the submission (through a link)`);
  const st = fs.lstatSync(target, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) throw new Error(`${file} is a link; cse import does not write through links`);
  return target;
}
