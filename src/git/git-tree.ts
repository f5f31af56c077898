import path from "node:path";
import {
  TooLargeError,
  joinPath,
  type PathStatus,
  type SourceTree,
  type TreeEntry,
} from "../load/source-tree.js";
import { YAML_LIMITS } from "../load/yaml-file.js";
import { GitError } from "./git-command.js";
import { readBlobs } from "./read-blobs.js";
import { openRepository, resolveCommit, type Repository } from "./repository.js";
import { listTree, resolvePath, type ListedEntry, type Resolved, type TreeListing } from "./tree-listing.js";

/** Files cse reads as text (YAML, the introduction, templates): fetched together in the first batch. */
const TEXT_FILE = /\.(ya?ml|md|markdown|txt|hbs|html|css)$/i;

/** How much to fetch in one batch when an attachment is asked for. */
const READ_AHEAD_BYTES = 64 * 1024 * 1024;

/**
 * A submission as it was at one commit, read from git's objects; the work tree is never touched.
 *
 * SourceTree is synchronous, so blobs cannot stream from a long-running child process. Instead
 * the listing comes from one `git ls-tree` and the files from as few `git cat-file --batch` runs
 * as possible: link targets and every text file in one batch when the tree is opened, and
 * attachments (which may be large) on demand, each request reading ahead through the other
 * attachments so a build that reads them all costs one batch per 64 MiB, not a process per file.
 */
export class GitTree implements SourceTree {
  /** Absolute path of the submission's folder in the work tree (for messages). */
  readonly root: string;
  /** The revision as the user wrote it. */
  readonly revision: string;
  /** The full commit id it names. */
  readonly commit: string;
  private readonly repo: Repository;
  private readonly listing: TreeListing;
  private readonly blobs = new Map<string, Buffer>();
  /** Attachments not yet fetched, in path order, for reading ahead. */
  private pending: ListedEntry[];
  /** Attachments fetched ahead of being asked for: handed out once, then dropped to spare memory. */
  private readonly aheadIds = new Set<string>();

  private constructor(repo: Repository, revision: string, commit: string, listing: TreeListing) {
    this.repo = repo;
    this.root = path.resolve(repo.dir);
    this.revision = revision;
    this.commit = commit;
    this.listing = listing;
    const all = [...listing.entries.values()];
    // A link's blob is its target's path: one larger than any path is not a link git made, and
    // is refused by its declared size before anything is fetched.
    const hostileLink = all.find((e) => e.kind === "link" && e.size > MAX_LINK_BYTES);
    if (hostileLink) throw new GitError(longLinkMessage(hostileLink, revision));
    // A text file over the YAML size limit is refused by size alone: never fetch it whole.
    const first = all.filter(
      (e) =>
        e.kind === "link" || (e.kind === "file" && TEXT_FILE.test(e.path) && e.size <= YAML_LIMITS.maxBytes),
    );
    for (const [id, bytes] of readBlobs(
      repo.dir,
      first.map((e) => e.id),
      this.describe,
    ))
      this.blobs.set(id, bytes);
    this.pending = all
      .filter((e) => e.kind === "file" && !this.blobs.has(e.id))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Opens the submission in `dir` as at `rev`; GitError when git, the repository or the revision fails. */
  static open(dir: string, rev: string): GitTree {
    const repo = openRepository(dir, "--ref");
    return GitTree.at(repo, rev);
  }

  /** Opens the submission of an already found repository as at `rev`. */
  static at(repo: Repository, rev: string): GitTree {
    const commit = resolveCommit(repo, rev);
    return new GitTree(repo, rev, commit, listTree(repo, commit, rev));
  }

  list(dir: string): TreeEntry[] {
    const where = this.resolve(dir);
    if (where.kind !== "dir") return [];
    return (this.listing.folders.get(where.path) ?? []).map((name) => {
      const full = joinPath(where.path, name);
      const entry = this.listing.entries.get(full);
      if (!entry) return { name, kind: "dir" as const };
      if (entry.kind === "file") return { name, kind: "file" as const };
      if (entry.kind === "submodule") return { name, kind: "other" as const };
      // As on disk: a link to a file inside the root reads as that file; links to folders are not followed.
      const target = this.resolve(full).kind;
      return { name, kind: target === "file" || target === "outside" ? target : ("other" as const) };
    });
  }

  read(file: string, maxBytes = Infinity): Uint8Array {
    const where = this.resolve(file);
    if (where.kind !== "file") {
      const code = where.kind === "dir" ? "EISDIR" : "ENOENT";
      throw Object.assign(new Error(`${code}: ${file} is not a file at ${this.revision}`), { code });
    }
    const { entry } = where;
    if (entry.size > maxBytes) throw new TooLargeError(entry.size);
    const cached = this.blobs.get(entry.id);
    if (cached) {
      if (this.aheadIds.delete(entry.id)) this.blobs.delete(entry.id);
      return cached;
    }
    return this.fetchAttachment(entry);
  }

  stat(file: string): PathStatus {
    const where = this.resolve(file);
    return where.kind === "file"
      ? { kind: "file", size: where.entry.size }
      : where.kind === "dir"
        ? { kind: "dir" }
        : { kind: where.kind };
  }

  /** Git's object id of a file (links followed), or null when it is not a file: equal ids, equal bytes. */
  objectId(file: string): string | null {
    const where = this.resolve(file);
    return where.kind === "file" ? where.entry.id : null;
  }

  /** An object by the path of a file that holds it, for messages. */
  private readonly describe = (id: string): string => {
    for (const e of this.listing.entries.values()) if (e.id === id) return `${e.path} at ${this.revision}`;
    return `object ${id}`;
  };

  private resolve(file: string): Resolved {
    return resolvePath(this.listing, file, (link) => this.blobs.get(link.id)?.toString("utf8") ?? "");
  }

  /** Fetches an attachment and the ones after it, up to the read-ahead budget; hands it out once. */
  private fetchAttachment(entry: ListedEntry): Buffer {
    const batch = [entry];
    let bytes = entry.size;
    for (const next of this.pending) {
      if (bytes + next.size > READ_AHEAD_BYTES) break;
      if (next.id === entry.id || this.blobs.has(next.id)) continue;
      batch.push(next);
      bytes += next.size;
    }
    const fetched = readBlobs(
      this.repo.dir,
      batch.map((e) => e.id),
      this.describe,
    );
    const ids = new Set(batch.map((e) => e.id));
    this.pending = this.pending.filter((e) => !ids.has(e.id));
    for (const [id, b] of fetched) {
      if (id === entry.id) continue;
      this.blobs.set(id, b);
      this.aheadIds.add(id);
    }
    return fetched.get(entry.id)!;
  }
}

/** The longest link target a system allows (PATH_MAX on Linux); git stores the target as the link's blob. */
const MAX_LINK_BYTES = 4096;

function longLinkMessage(entry: ListedEntry, revision: string): string {
  return (
    `${entry.path} at ${revision} is stored as a link of ${entry.size} bytes, longer than any real link ` +
    `(at most ${MAX_LINK_BYTES}): the repository is damaged or was made to harm; cse read nothing from it`
  );
}
