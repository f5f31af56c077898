import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { WorkTree, type SourceTree } from "../load/source-tree.js";
import { GitError, runGit } from "./git-command.js";
import { GitTree } from "./git-tree.js";

/**
 * Git's object id of each file (links followed; paths that are not files inside the root are
 * left out), so two states of a submission can tell whether an attachment's bytes changed
 * without holding both in memory. A revision knows its ids already; the work tree asks one
 * `git hash-object --stdin-paths` (which applies the same filters, such as line endings, as a
 * commit would), or hashes the bytes itself outside git.
 */
export function contentIds(tree: SourceTree, files: Iterable<string>): Map<string, string> {
  const ids = new Map<string, string>();
  const wanted = [...new Set(files)].filter((f) => tree.stat(f).kind === "file");
  if (tree instanceof GitTree) {
    for (const f of wanted) {
      const id = tree.objectId(f);
      if (id) ids.set(f, id);
    }
    return ids;
  }
  if (wanted.length === 0) return ids;
  const real =
    tree instanceof WorkTree ? wanted.map((f) => fs.realpathSync(path.join(tree.root, ...f.split("/")))) : [];
  if (real.length === wanted.length && !real.some((p) => p.includes("\n"))) {
    try {
      const r = runGit(tree.root, ["hash-object", "--stdin-paths"], real.join("\n") + "\n");
      const lines = r.stdout.toString("utf8").split("\n");
      if (r.status === 0 && lines.length > wanted.length) {
        wanted.forEach((f, i) => ids.set(f, lines[i]!));
        return ids;
      }
    } catch (err) {
      if (!(err instanceof GitError)) throw err;
    }
  }
  for (const f of wanted) {
    const bytes = tree.read(f);
    ids.set(f, createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex"));
  }
  return ids;
}
