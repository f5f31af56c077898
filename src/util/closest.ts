/** Edit distance between two strings (Levenshtein, with adjacent swaps counted as one edit). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Longest word or candidate for which a "did you mean" is computed. */
const MAX_SUGGEST_LENGTH = 100;

/**
 * The candidates closest to `word`, best first: those within a third of its length in edits
 * (at least 2), at most `limit` of them.
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  // Edit distance costs length × length in time and memory: a hostile file of long ids must
  // not make a suggestion cost minutes. Nobody mistypes a 100-character id anyway.
  if (word.length > MAX_SUGGEST_LENGTH) return [];
  const max = Math.max(2, Math.floor(word.length / 3));
  const scored: { c: string; d: number }[] = [];
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c.length > MAX_SUGGEST_LENGTH) continue;
    const cl = c.toLowerCase();
    // A prefix ("rhys" for "rhys-pritchard", "partial" for "partial-compliance") is a near miss too.
    const d =
      lower.length >= 3 && (cl.startsWith(lower) || lower.startsWith(cl)) ? 1 : editDistance(lower, cl);
    if (d <= max) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.c);
}

/** " Did you mean `a` or `b`?" for the closest candidates, or "". The one home of the phrase. */
export function didYouMean(word: string, candidates: Iterable<string>, limit = 3): string {
  const near = closest(word, candidates, limit);
  return near.length === 0 ? "" : ` Did you mean ${orList(near)}?`;
}

/** `a`, `a or b`, `a, b or c`, each in backticks. */
export function orList(items: string[]): string {
  const q = items.map((i) => `\`${i}\``);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} or ${q[q.length - 1]}`;
}
