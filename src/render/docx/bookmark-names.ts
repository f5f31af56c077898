import { createHash } from "node:crypto";

/** Word keeps bookmark names to 40 characters; a longer one breaks links to it. */
const MAX = 40;

/**
 * Word bookmark names for document anchors. An anchor is kept as it is when it fits (as Pandoc
 * does, so `el-1.1.1` is the bookmark `el-1.1.1`); a longer one is cut and given a short hash of
 * the whole, so names stay unique and the same for the same anchor in every build.
 */
export function bookmarkNames(anchors: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const anchor of anchors) {
    if (names.has(anchor)) continue;
    let name = anchor.length <= MAX ? anchor : shortened(anchor);
    for (let n = 2; taken.has(name); n++) name = `${shortened(anchor).slice(0, MAX - 4)}_${n}`;
    taken.add(name);
    names.set(anchor, name);
  }
  return names;
}

function shortened(anchor: string): string {
  const hash = createHash("sha256").update(anchor).digest("hex").slice(0, 8);
  return `${anchor.slice(0, MAX - 9)}_${hash}`;
}
