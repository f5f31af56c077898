import { git, GitError } from "./git-command.js";
import type { Repository } from "./repository.js";
import { isAbsolutePath } from "../load/source-tree.js";

/** One entry of a revision's tree, from `git ls-tree -r -l`. */
export interface ListedEntry {
  /** Path relative to the submission's root. */
  path: string;
  /** What git stores: a file, a link (mode 120000) or a submodule's commit. */
  kind: "file" | "link" | "submodule";
  /** Object id. */
  id: string;
  /** Size in bytes (0 for a submodule). */
  size: number;
}

/** A revision's files below the submission's root, and the folders they imply. */
export interface TreeListing {
  /** Entries by root-relative path. */
  entries: Map<string, ListedEntry>;
  /** Names in each folder ("" is the root), sorted; folders are implied by the paths below them. */
  folders: Map<string, string[]>;
}

/**
 * Lists the submission's folder at `commit` with one `git ls-tree -r -l -z`. The listing starts
 * at the submission's own folder (`commit:prefix`), so every path is already root-relative.
 */
export function listTree(repo: Repository, commit: string, rev: string): TreeListing {
  const out = git(
    repo.dir,
    ["ls-tree", "-r", "-l", "-z", "--full-tree", "--end-of-options", `${commit}:${repo.prefix}`],
    () => `the submission's folder ${repo.prefix}/ did not exist at ${rev}; pick a later revision`,
  );
  const entries = new Map<string, ListedEntry>();
  const children = new Map<string, Set<string>>([["", new Set()]]);
  for (const record of out.toString("utf8").split("\0")) {
    if (!record) continue;
    const tab = record.indexOf("\t");
    const [mode, type, id, size] = record.slice(0, tab).split(/ +/);
    const path = record.slice(tab + 1);
    if (!mode || !type || !id || tab < 0)
      throw new GitError(`git ls-tree printed a line cse cannot read: ${JSON.stringify(record)}`);
    const kind = type === "commit" ? "submodule" : mode === "120000" ? "link" : "file";
    entries.set(path, { path, kind, id, size: Number(size) || 0 });
    addToFolders(children, path);
  }
  const folders = new Map<string, string[]>();
  for (const [dir, names] of children)
    folders.set(
      dir,
      [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  return { entries, folders };
}

function addToFolders(children: Map<string, Set<string>>, path: string): void {
  let dir = "";
  for (const name of path.split("/")) {
    let names = children.get(dir);
    if (!names) children.set(dir, (names = new Set()));
    names.add(name);
    dir = dir === "" ? name : `${dir}/${name}`;
  }
}

/** Where a path leads inside a listing, links followed: what `stat` reports, plus the entry of a file. */
export type Resolved =
  | { kind: "file"; entry: ListedEntry }
  | { kind: "dir"; path: string }
  | { kind: "missing" }
  | { kind: "outside" };

/** How many links one path may pass through before it counts as a loop (as the kernel's ELOOP). */
const MAX_LINK_HOPS = 40;

/**
 * Resolves a root-relative path the way the file system's realpath would, following links by
 * their stored targets. A target that is absolute or climbs above the root is `outside`; a
 * broken link, a loop, or a path through a file is `missing`.
 */
export function resolvePath(
  listing: TreeListing,
  file: string,
  linkTarget: (entry: ListedEntry) => string,
): Resolved {
  const queue = file.split("/");
  const done: string[] = [];
  let hops = 0;
  while (queue.length > 0) {
    const seg = queue.shift()!;
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (done.length === 0) return { kind: "outside" };
      done.pop();
      continue;
    }
    const here = done.length === 0 ? seg : `${done.join("/")}/${seg}`;
    const entry = listing.entries.get(here);
    if (entry?.kind === "link") {
      if (++hops > MAX_LINK_HOPS) return { kind: "missing" };
      const target = linkTarget(entry);
      if (isAbsolutePath(target)) return { kind: "outside" };
      queue.unshift(...target.split("/"));
      continue;
    }
    if (entry) {
      // A file or submodule can only end a path.
      if (queue.some((s) => s !== "" && s !== ".")) return { kind: "missing" };
      return entry.kind === "file" ? { kind: "file", entry } : { kind: "missing" };
    }
    if (!listing.folders.has(here)) return { kind: "missing" };
    done.push(seg);
  }
  return { kind: "dir", path: done.join("/") };
}
