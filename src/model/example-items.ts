import type { Citable } from "./types.js";

/** Root-relative path of the example evidence item `cse init` writes. */
export const EXAMPLE_EVIDENCE = "evidence/E000-example.yaml";
/** Root-relative path of the example case study `cse init` writes. */
export const EXAMPLE_CASE_STUDY = "evidence/case-studies/CS00-example.yaml";

/**
 * Whether an item is one of `cse init`'s examples, still a draft: a model to copy, not work in
 * progress, so gaps does not count it among an element's drafts. Once made ready it counts
 * like any other item.
 */
export function isInitExample(item: Citable): boolean {
  return (
    item.status === "draft" && (item.src.file === EXAMPLE_EVIDENCE || item.src.file === EXAMPLE_CASE_STUDY)
  );
}
