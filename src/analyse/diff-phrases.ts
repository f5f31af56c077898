import type {
  ActionChange,
  DiffSideLabel,
  ElementChange,
  FindingChange,
  ItemChange,
  SettingChange,
  SubmissionDiff,
} from "./submission-diff.js";
import { plural } from "../util/plural.js";

// Plain-language phrases for each kind of change, shared by the table and Markdown reports
// (and the pack's "Changes since" section), so every output says the same thing the same way.

/** "assessed-2014 (1a2b3c4d5e6f)" or "the work tree (9f8e7d6c5b4a with uncommitted changes)". */
export function sideName(side: DiffSideLabel): string {
  const short = side.commit ? side.commit.slice(0, 12) : null;
  if (!side.workTree) return `${side.label} (${short})`;
  if (!short) return "the work tree (no commits yet)";
  return `the work tree (${short}${side.dirty ? " with uncommitted changes" : ", no uncommitted changes"})`;
}

/** One line saying what was compared. */
export function diffTitle(diff: SubmissionDiff): string {
  return `Changes from ${sideName(diff.from)} to ${sideName(diff.to)}`;
}

/** The summary sentence: as-of date, coverage and gaps before and after. */
export function diffSummaryLine(diff: SubmissionDiff): string {
  const s = diff.summary;
  const covered = `elements covered ${arrow(s.covered.from, s.covered.to)} of ${s.standardElements}`;
  return `Judged as of ${diff.asOf}: ${covered}; elements with gaps ${arrow(s.withGaps.from, s.withGaps.to)}.`;
}

/** A changed setting: "assessment.date 2026-03-10 → 2027-03-09". */
export function settingPhrase(c: SettingChange): string {
  const show = (v: string | number | null) => (v === null || v === "" ? "not set" : String(v));
  return `${c.field} ${show(c.from)} → ${show(c.to)}`;
}

/** What changed in an element, as short phrases. */
export function elementPhrases(e: ElementChange, diff: SubmissionDiff): string[] {
  const out: string[] = [];
  if (e.status === "added") out.push("new in the standard");
  if (e.status === "removed") out.push("no longer in the standard");
  if (e.evidence) out.push(`evidence ${arrow(e.evidence.from, e.evidence.to)}`);
  if (e.caseStudies) out.push(`case studies ${arrow(e.caseStudies.from, e.caseStudies.to)}`);
  if (e.cited.added.length) out.push(`now cited by ${e.cited.added.join(", ")}`);
  if (e.cited.removed.length) out.push(`no longer cited by ${e.cited.removed.join(", ")}`);
  if (e.gaps.removed.length) out.push(`gaps closed: ${e.gaps.removed.join(", ")}`);
  if (e.gaps.added.length) out.push(`new gaps: ${e.gaps.added.join(", ")}`);
  if (e.rating) out.push(`self-rating ${fromTo(e.rating, (id) => diff.labels.ratings[id] ?? id)}`);
  if (e.owner) out.push(`owner ${fromTo(e.owner, (id) => diff.labels.people[id] ?? id)}`);
  if (e.statement)
    out.push(
      e.statement.from === null
        ? "statement written"
        : e.statement.to === null
          ? "statement removed"
          : "statement rewritten",
    );
  return out;
}

/** What changed in an item that is in both states. */
export function itemPhrases(i: ItemChange): string[] {
  const draft = i.draft ? " as a draft (not counted)" : "";
  if (i.status === "added")
    return [
      `added${draft} in ${i.file}`,
      ...(i.elements.added.length ? [`names ${i.elements.added.join(", ")}`] : []),
    ];
  if (i.status === "removed") return [`removed from ${i.file}`];
  const out: string[] = [];
  const fields = i.fields.filter((f) => f !== "status" && f !== "elements");
  if (i.readiness)
    out.push(i.readiness.to === "ready" ? "now ready (was a draft)" : "now a draft (no longer counted)");
  if (fields.length) out.push(`changed ${fields.join(", ")}`);
  if (i.elements.added.length) out.push(`now names ${i.elements.added.join(", ")}`);
  if (i.elements.removed.length) out.push(`no longer names ${i.elements.removed.join(", ")}`);
  if (i.fields.includes("elements") && !i.elements.added.length && !i.elements.removed.length)
    out.push("changed its notes on elements");
  if (i.movedFrom) out.push(`moved from ${i.movedFrom} to ${i.file}`);
  return out;
}

/** What changed in an assessor finding. */
export function findingPhrases(f: FindingChange, diff: SubmissionDiff): string[] {
  const label = (id: string | null) => (id === null ? "not listed" : (diff.labels.ratings[id] ?? id));
  if (f.status === "added") return [`added in ${f.file}`, `${plural(f.results.length, "result")} listed`];
  if (f.status === "removed") return [`removed from ${f.file}`];
  const out = f.fields.map((k) => `${k} changed`);
  for (const r of f.results) {
    if (r.from !== r.to) out.push(`${r.element} ${label(r.from)} → ${label(r.to)}`);
    else if (r.comment) out.push(`comment on ${r.element} changed`);
  }
  return out;
}

/** What changed in an action. */
export function actionPhrases(a: ActionChange, diff: SubmissionDiff): string[] {
  const person = (id: string | null) => (id === null ? "nobody" : (diff.labels.people[id] ?? id));
  if (a.status !== "changed") {
    const details = [
      a.owner ? `owner ${person(a.owner)}` : null,
      a.due ? `due ${a.due}` : null,
      a.done ? "done" : null,
    ].filter((x): x is string => x !== null);
    return a.status === "removed" ? ["removed"] : details;
  }
  const was = a.before;
  return a.fields.map((f) =>
    f === "done"
      ? a.done
        ? "now done"
        : "reopened (not done)"
      : f === "due"
        ? `due ${was?.due ?? "not set"} → ${a.due ?? "not set"}`
        : `owner ${person(was?.owner ?? null)} → ${person(a.owner)}`,
  );
}

/** "+", "~" or "-" for a status. */
export function statusMark(status: "added" | "changed" | "removed"): string {
  return status === "added" ? "+" : status === "removed" ? "-" : "~";
}

/** "3 added, 1 changed" for a list of changes, in that order, leaving out zeros. */
export function countByStatus(changes: { status: "added" | "changed" | "removed" }[]): string {
  return (["added", "changed", "removed"] as const)
    .map((s) => [s, changes.filter((c) => c.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
}

function arrow(a: number, b: number): string {
  return a === b ? String(b) : `${a} → ${b}`;
}

function fromTo(c: { from: string | null; to: string | null }, name: (id: string) => string): string {
  return `${c.from === null ? "none" : name(c.from)} → ${c.to === null ? "none" : name(c.to)}`;
}
