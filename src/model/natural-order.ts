const collator = new Intl.Collator("en", { numeric: true, sensitivity: "variant" });

/** Compares ids in natural order: `2` before `10`, `1.2` before `1.10`. */
export function compareIds(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
