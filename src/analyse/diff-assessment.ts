import type { Action, Finding, Submission } from "../model/types.js";
import { compareIds } from "../model/natural-order.js";
import { canonical } from "./diff-items.js";
import type { ActionChange, FindingChange } from "./submission-diff.js";

/**
 * Assessor findings added, removed or changed. A finding has no id; it is the record of the
 * assessment on its date, so findings are matched by date (and by order when dates repeat).
 */
export function diffFindings(from: Submission, to: Submission): FindingChange[] {
  const before = keyed(from.findings, (f) => f.date);
  const after = keyed(to.findings, (f) => f.date);
  const changes: FindingChange[] = [];
  for (const [key, b] of after) {
    const a = before.get(key);
    if (!a) changes.push(wholeFinding(b, "added"));
    else {
      const c = compareFinding(a, b);
      if (c) changes.push(c);
    }
  }
  for (const [key, a] of before) if (!after.has(key)) changes.push(wholeFinding(a, "removed"));
  return changes.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

function wholeFinding(f: Finding, status: "added" | "removed"): FindingChange {
  const results = [...f.results]
    .sort(([x], [y]) => compareIds(x, y))
    .map(([element, r]) =>
      status === "added"
        ? { element, from: null, to: r.rating, comment: r.comment !== null }
        : { element, from: r.rating, to: null, comment: r.comment !== null },
    );
  return { date: f.date, kind: f.kind, status, file: f.src.file, fields: [], results };
}

function compareFinding(a: Finding, b: Finding): FindingChange | null {
  const fields = (["kind", "assessor", "unlisted"] as const).filter((k) => a[k] !== b[k]);
  const elements = [...new Set([...a.results.keys(), ...b.results.keys()])].sort(compareIds);
  const results = elements.flatMap((element) => {
    const ra = a.results.get(element);
    const rb = b.results.get(element);
    const rating = ra?.rating !== rb?.rating;
    const comment = (ra?.comment ?? null) !== (rb?.comment ?? null);
    return rating || comment ? [{ element, from: ra?.rating ?? null, to: rb?.rating ?? null, comment }] : [];
  });
  if (fields.length === 0 && results.length === 0) return null;
  return { date: b.date, kind: b.kind, status: "changed", file: b.src.file, fields, results };
}

/**
 * Self-assessment actions added, removed or changed. Actions have no id; one is known by its
 * element and title, so retitling an action shows as one removed and one added.
 */
export function diffActions(from: Submission, to: Submission): ActionChange[] {
  const before = keyed(actionsOf(from), (x) => `${x.element}\u0000${x.action.title.trim()}`);
  const after = keyed(actionsOf(to), (x) => `${x.element}\u0000${x.action.title.trim()}`);
  const changes: ActionChange[] = [];
  for (const [key, b] of after) {
    const a = before.get(key);
    const fields = a
      ? (["done", "due", "owner"] as const).filter((k) => canonical(a.action[k]) !== canonical(b.action[k]))
      : [];
    if (!a || fields.length > 0) changes.push(actionChange(b, a ? "changed" : "added", fields, a?.action));
  }
  for (const [key, a] of before) if (!after.has(key)) changes.push(actionChange(a, "removed", []));
  const order = new Map(to.elements.map((e, i) => [e.id, i]));
  return changes.sort(
    (x, y) =>
      (order.get(x.element) ?? Infinity) - (order.get(y.element) ?? Infinity) ||
      compareIds(x.element, y.element),
  );
}

interface PlacedAction {
  element: string;
  action: Action;
}

function actionsOf(s: Submission): PlacedAction[] {
  return [...s.selfAssessments.values()].flatMap((a) =>
    a.actions.map((action) => ({ element: a.element, action })),
  );
}

function actionChange(
  x: PlacedAction,
  status: ActionChange["status"],
  fields: ActionChange["fields"],
  before?: Action,
): ActionChange {
  const { done, due, owner } = x.action;
  return {
    element: x.element,
    title: x.action.title,
    status,
    fields: [...fields],
    done,
    due,
    owner,
    before: before ? { done: before.done, due: before.due, owner: before.owner } : null,
  };
}

/** Items by key; a repeated key gets "#2", "#3", ... so both sides pair repeats in order. */
function keyed<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    let n = 1;
    while (map.has(n === 1 ? k : `${k}#${n}`)) n++;
    map.set(n === 1 ? k : `${k}#${n}`, item);
  }
  return map;
}
