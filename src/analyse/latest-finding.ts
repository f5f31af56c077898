import type { Finding, Submission } from "../model/types.js";

/** The finding with the latest date (the last of equals, in path order), or null. */
export function latestFinding(s: Submission): Finding | null {
  // Findings are sorted oldest first by a stable sort, so the last is the latest.
  return s.findings[s.findings.length - 1] ?? null;
}

/** How a finding rated an element: from its results, or from `unlisted`; null when it did not. */
export function findingRatingOf(
  f: Finding,
  element: string,
): { rating: string; comment: string | null; unlisted: boolean } | null {
  const r = f.results.get(element);
  if (r) return { rating: r.rating, comment: r.comment, unlisted: false };
  if (f.unlisted !== null) return { rating: f.unlisted, comment: null, unlisted: true };
  return null;
}
