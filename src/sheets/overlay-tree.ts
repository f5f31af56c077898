import type { PathStatus, SourceTree, TreeEntry } from "../load/source-tree.js";

/**
 * A submission's files with some replaced or added in memory: what the submission would be
 * after an import, so it can be checked before anything is written.
 */
export class OverlayTree implements SourceTree {
  readonly root: string;

  constructor(
    private readonly base: SourceTree,
    /** New contents by root-relative path. */
    private readonly files: Map<string, string>,
  ) {
    this.root = base.root;
  }

  list(dir: string): TreeEntry[] {
    const entries = new Map(this.base.list(dir).map((e) => [e.name, e]));
    const prefix = dir === "" || dir === "." ? "" : `${dir}/`;
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const [name, ...rest] = file.slice(prefix.length).split("/");
      if (!entries.has(name!)) entries.set(name!, { name: name!, kind: rest.length > 0 ? "dir" : "file" });
    }
    return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  read(file: string, maxBytes?: number): Uint8Array {
    const text = this.files.get(file);
    return text === undefined ? this.base.read(file, maxBytes) : new TextEncoder().encode(text);
  }

  stat(file: string): PathStatus {
    const text = this.files.get(file);
    if (text !== undefined) return { kind: "file", size: Buffer.byteLength(text) };
    const dir = `${file}/`;
    if ([...this.files.keys()].some((f) => f.startsWith(dir))) return { kind: "dir" };
    return this.base.stat(file);
  }
}
