import type { OwnerPlan } from "../scaffold/plan-owners.js";
import { plural } from "../util/plural.js";
import { TERMINAL_WIDTH as W, wrapProse } from "./text-width.js";

/** Who is who, for `cse assign`'s report. */
export interface AssignTextContext {
  /** Person id → name, from cse.yaml. */
  people: Record<string, string>;
  /** Every element id in standard order, to write runs of them as ranges. */
  order: string[];
  /** Nothing was written (--dry-run). */
  dryRun: boolean;
}

/** What `cse assign` changed (or would change), file by file, and what it left alone. */
export function formatAssignText(plan: OwnerPlan, x: AssignTextContext): string {
  const who = personLabel(plan.person, x.people);
  const lines: string[] = [];
  const n = plural(plan.changes.length, "element");
  if (plan.changes.length === 0)
    lines.push(`Nothing to change: no element ${x.dryRun ? "would get" : "got"} a new owner.`);
  else lines.push(x.dryRun ? `Would give ${n} to ${who} (nothing written):` : `Gave ${n} to ${who}:`);
  const files = [...new Set(plan.changes.map((c) => c.file))];
  for (const file of files) {
    const here = plan.changes.filter((c) => c.file === file);
    const made = here[0]!.newFile ? " (a new file)" : "";
    lines.push(
      ...wrapProse(
        idRanges(
          here.map((c) => c.element),
          x.order,
        ),
        W,
        `  ${file}${made}: `,
        "    ",
      ),
    );
  }
  for (const [from, ids] of byOwner(
    plan.changes.filter((c) => c.from !== null).map((c) => [c.element, c.from!]),
  ))
    lines.push(
      ...wrapProse(idRanges(ids, x.order), W, `  taken from ${personLabel(from, x.people)}: `, "    "),
    );
  if (plan.already.length)
    lines.push(...wrapProse(`Already owned by ${who}: ${idRanges(plan.already, x.order)}`, W, "", "  "));
  for (const [owner, ids] of byOwner(plan.kept.map((k) => [k.element, k.owner])))
    lines.push(
      ...wrapProse(idRanges(ids, x.order), W, `Kept by ${personLabel(owner, x.people)} (--unowned): `, "  "),
    );
  return lines.join("\n") + "\n";
}

/** Element ids by person, in the order the people first appear. */
function byOwner(pairs: [string, string][]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const [element, person] of pairs) by.set(person, [...(by.get(person) ?? []), element]);
  return by;
}

function personLabel(id: string, people: Record<string, string>): string {
  const name = people[id];
  return name && name !== id ? `${name} (${id})` : id;
}

/**
 * `1.1.1–1.1.3, 2.1.1`: ids in standard order, a run of three or more that follow one another
 * in the standard written as a range.
 */
export function idRanges(ids: string[], order: string[]): string {
  const at = new Map(order.map((id, i) => [id, i]));
  const sorted = [...ids].sort((a, b) => (at.get(a) ?? 0) - (at.get(b) ?? 0));
  const runs: string[][] = [];
  for (const id of sorted) {
    const run = runs[runs.length - 1];
    if (run && at.get(id) === at.get(run[run.length - 1]!)! + 1) run.push(id);
    else runs.push([id]);
  }
  return runs.map((r) => (r.length >= 3 ? `${r[0]}–${r[r.length - 1]}` : r.join(", "))).join(", ");
}
