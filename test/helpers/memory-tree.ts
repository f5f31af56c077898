import fs from "node:fs";
import path from "node:path";
import {
  TooLargeError,
  type PathStatus,
  type SourceTree,
  type TreeEntry,
} from "../../src/load/source-tree.js";

/**
 * A submission held in memory (root-relative path → bytes), so property tests can run the
 * loader thousands of times without touching the disk. Folders are implied by the paths.
 */
export class MemoryTree implements SourceTree {
  readonly root = "/memory";
  constructor(readonly files: Map<string, Uint8Array>) {}

  list(dir: string): TreeEntry[] {
    const prefix = dir === "" ? "" : `${dir}/`;
    const seen = new Map<string, TreeEntry["kind"]>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf("/");
      seen.set(slash === -1 ? rest : rest.slice(0, slash), slash === -1 ? "file" : "dir");
    }
    return [...seen]
      .map(([name, kind]) => ({ name, kind }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  read(file: string, maxBytes = Infinity): Uint8Array {
    const bytes = this.files.get(file);
    if (!bytes) throw Object.assign(new Error(`ENOENT: ${file}`), { code: "ENOENT" });
    if (bytes.length > maxBytes) throw new TooLargeError(bytes.length);
    return bytes;
  }

  stat(file: string): PathStatus {
    const bytes = this.files.get(file);
    if (bytes) return { kind: "file", size: bytes.length };
    const prefix = `${file}/`;
    for (const f of this.files.keys()) if (f.startsWith(prefix)) return { kind: "dir" };
    return { kind: "missing" };
  }

  /** A copy with some files replaced (a null removes the file). */
  with(changes: Record<string, Uint8Array | string | null>): MemoryTree {
    const files = new Map(this.files);
    for (const [file, content] of Object.entries(changes)) {
      if (content === null) files.delete(file);
      else files.set(file, typeof content === "string" ? new TextEncoder().encode(content) : content);
    }
    return new MemoryTree(files);
  }
}

/** Reads a folder on disk (e.g. the sample submission) into memory, skipping dot-files. */
export function memoryTreeOf(root: string, names: string[]): MemoryTree {
  const files = new Map<string, Uint8Array>();
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    const st = fs.statSync(abs);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs)) if (!name.startsWith(".")) walk(`${rel}/${name}`);
    } else files.set(rel, new Uint8Array(fs.readFileSync(abs)));
  };
  for (const name of names) walk(name);
  return new MemoryTree(files);
}
