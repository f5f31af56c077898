/**
 * The next free numbered id with `prefix`: one more than the highest number among `taken`
 * (ids, or file names that start with an id), zero-padded to the width the highest one was
 * written with (`E064` → `E065`, `CS8` → `CS9`); number 1 at `defaultWidth` when there is none yet
 * (an example numbered 0, as `cse init` writes, leaves 1 for the first real item).
 * Matching the prefix ignores case, so `e012` counts; the new id uses `prefix` as given.
 */
export function nextId(prefix: string, taken: Iterable<string>, defaultWidth: number): string {
  const pattern = new RegExp(`^${prefix}(\\d+)(?![0-9A-Za-z])`, "i");
  let highest = -1;
  let width = defaultWidth;
  for (const id of taken) {
    const m = pattern.exec(id);
    if (!m) continue;
    const n = Number(m[1]);
    if (n > highest || (n === highest && m[1]!.length > width)) {
      highest = n;
      width = m[1]!.length;
    }
  }
  return prefix + String(Math.max(1, highest + 1)).padStart(width, "0");
}
