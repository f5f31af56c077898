import { GitError, runGit } from "./git-command.js";

/**
 * The path of `dir` from the top of the git work tree holding it, `/`-separated with no
 * trailing `/` ("" at the top itself), or null when `dir` is not in a work tree or git is not
 * installed: then paths stay relative to the submission, as everywhere else.
 */
export function workTreePrefix(dir: string): string | null {
  try {
    const r = runGit(dir, ["rev-parse", "--is-inside-work-tree", "--show-prefix"]);
    if (r.status !== 0) return null;
    const [inside = "", prefix = ""] = r.stdout.toString("utf8").split("\n");
    return inside === "true" ? prefix.replace(/\/+$/, "") : null;
  } catch (err) {
    if (err instanceof GitError) return null;
    throw err;
  }
}
