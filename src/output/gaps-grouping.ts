import type { ElementGaps, GapsReport } from "../analyse/gaps-report.js";

/**
 * Fewest elements in a row before they share one line: two alike elements read fine apart,
 * and a fresh submission (57 alike elements) must fit on one screen.
 */
export const MIN_RUN = 3;

/** Consecutive listed elements shown as one row of the gaps table, and one line per to-do. */
export interface ElementRun {
  elements: ElementGaps[];
  /** `1.1.1` for one element, `1.1.1–1.3.5` for several. */
  label: string;
}

/**
 * Splits the listed elements into runs: an element with ready evidence or a case study is work
 * under way and always has a row of its own; elements not started, one after another, whose
 * owner, rating, gaps, drafts and to-dos are all the same, share a row when there are at least
 * MIN_RUN of them. A submission under way therefore prints as before.
 */
export function elementRuns(report: GapsReport): ElementRun[] {
  const todos = todoKeys(report);
  const keyOf = (el: ElementGaps) =>
    el.evidence + el.caseStudies > 0
      ? null
      : JSON.stringify([el.owner, el.rating, el.gaps, el.drafts, todos.get(el.id) ?? []]);
  const groups: ElementGaps[][] = [];
  let lastKey: string | null = null;
  for (const el of report.elements) {
    const key = keyOf(el);
    if (key !== null && key === lastKey) groups[groups.length - 1]!.push(el);
    else groups.push([el]);
    lastKey = key;
  }
  return groups.flatMap((g) => (g.length >= MIN_RUN ? [runOf(g)] : g.map((el) => runOf([el]))));
}

/** Element id → the run it shares a row with, for elements in runs of more than one. */
export function runsByElement(runs: ElementRun[]): Map<string, ElementRun> {
  const byId = new Map<string, ElementRun>();
  for (const run of runs) if (run.elements.length > 1) for (const el of run.elements) byId.set(el.id, run);
  return byId;
}

function runOf(elements: ElementGaps[]): ElementRun {
  const first = elements[0]!.id;
  const last = elements[elements.length - 1]!.id;
  return { elements, label: elements.length === 1 ? first : `${first}–${last}` };
}

// Each element's to-dos, whoever they fall to, so elements share a row only when they would
// also share every to-do line.
function todoKeys(report: GapsReport): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const owner of report.todos)
    for (const t of owner.todos) {
      const list = keys.get(t.element) ?? [];
      list.push(`${owner.person ?? ""} ${t.code} ${t.text}`);
      keys.set(t.element, list);
    }
  return keys;
}
