/**
 * The size of `data` as text once every alias is written out: the characters of its strings
 * and keys, with one more for each value (so a million empty values still count). Aliases in
 * YAML share one value in memory, so a file can stay small while the pack that prints each
 * use of it grows without bound (a 3.6 MB note cited 56 times made a 402 MB page). The walk
 * stops as soon as the size passes `limit`, so it costs at most `limit` steps.
 */
export function expandedTextSize(data: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0 && size <= limit) {
    const value = stack.pop();
    size += 1;
    if (typeof value === "string") size += value.length;
    else if (Array.isArray(value)) for (const item of value) stack.push(item);
    else if (value instanceof Map) for (const [k, v] of value) stack.push(k, v);
    else if (value !== null && typeof value === "object")
      for (const [k, v] of Object.entries(value)) {
        size += k.length;
        stack.push(v);
      }
    else if (value !== null && value !== undefined) size += String(value).length;
  }
  return size;
}
