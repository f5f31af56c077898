import fs from "node:fs";
import path from "node:path";

/** Walks up from `start` to the first folder holding cse.yaml; null when there is none. */
export function findRoot(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, "cse.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
