import { countWords } from "../model/words.js";
import type { GapCode } from "./gap-codes.js";
import type { ElementGaps, FindingSummary, OverdueAction, OwnerTodos, Todo } from "./gaps-report.js";
import { findingRatingOf } from "./latest-finding.js";
import { missedTargetText, noRecentResultText } from "./service-todos.js";
import { staleReason } from "./staleness.js";
import { plural } from "../util/plural.js";
import { isBelowStandard, isOverdue } from "./judgements.js";
import type { GapRules } from "./element-gaps.js";

/** Actions not done and due before the as-of date, on the listed elements showing `overdue-action`. */
export function overdueActionsOf(listed: ElementGaps[], ctx: GapRules): OverdueAction[] {
  return listed
    .filter((el) => el.gaps.includes("overdue-action"))
    .flatMap((el) =>
      (ctx.submission.selfAssessments.get(el.id)?.actions ?? [])
        .filter((a) => isOverdue(a, ctx.asOf))
        .map((a) => ({ element: el.id, title: a.title, owner: a.owner ?? el.owner, due: a.due! })),
    );
}

/** The latest finding's below-standard results for the listed elements, with the actions recorded since. */
export function findingSummaryOf(listed: ElementGaps[], ctx: GapRules): FindingSummary | null {
  const f = ctx.finding;
  if (!f) return null;
  const results = listed.flatMap((el) => {
    const r = findingRatingOf(f, el.id);
    if (!r || !isBelowStandard(ctx.ratings.get(r.rating))) return [];
    const actions = ctx.submission.selfAssessments.get(el.id)?.actions ?? [];
    return [
      {
        element: el.id,
        rating: r.rating,
        unlisted: r.unlisted,
        comment: r.comment,
        actions: actions.length,
        done: actions.filter((a) => a.done).length,
      },
    ];
  });
  return { date: f.date, kind: f.kind, results };
}

/**
 * Who must do what before the visit: each listed gap becomes a to-do for the element's owner
 * (an overdue action for the action's owner; an element nobody owns, for "no owner").
 * People come in cse.yaml's order, then "no owner".
 */
export function todosByOwner(listed: ElementGaps[], ctx: GapRules): OwnerTodos[] {
  const byPerson = new Map<string | null, Todo[]>();
  const add = (person: string | null, todo: Todo) => {
    const list = byPerson.get(person) ?? [];
    list.push(todo);
    byPerson.set(person, list);
  };
  const overdue = overdueActionsOf(listed, ctx);
  for (const el of listed) {
    for (const code of el.gaps) {
      if (code === "overdue-action") {
        for (const a of overdue.filter((x) => x.element === el.id))
          add(a.owner, { element: el.id, code, text: `overdue since ${a.due}: ${a.title}` });
      } else {
        add(code === "no-owner" ? null : el.owner, { element: el.id, code, text: todoText(el, code, ctx) });
      }
    }
  }
  const people = ctx.submission.config.people;
  const order = [
    ...people.map((p) => p.id),
    ...[...byPerson.keys()].filter((k): k is string => k !== null && !people.some((p) => p.id === k)),
  ];
  const result: OwnerTodos[] = order
    .filter((id) => byPerson.has(id))
    .map((id) => ({
      person: id,
      name: people.find((p) => p.id === id)?.name ?? id,
      todos: byPerson.get(id)!,
    }));
  if (byPerson.has(null)) result.push({ person: null, name: "No owner yet", todos: byPerson.get(null)! });
  return result;
}

function todoText(el: ElementGaps, code: Exclude<GapCode, "overdue-action">, ctx: GapRules): string {
  const s = ctx.submission;
  const label = (id: string | null | undefined) => (id ? (ctx.ratings.get(id)?.label ?? id) : "");
  switch (code) {
    case "no-evidence":
      return el.drafts
        ? `find evidence: none ready (${plural(el.drafts, "draft")} in progress)`
        : "find evidence: none ready";
    case "thin-evidence":
      return `add evidence: ${el.evidence + el.caseStudies} of ${s.config.rules.minEvidence} needed`;
    case "stale-evidence":
      return `refresh stale evidence: ${el.staleEvidenceIds.map((id) => staleNote(id, ctx)).join(", ")}`;
    case "no-owner":
      return "give it an owner";
    case "unrated":
      return "rate it";
    case "no-statement":
      return "write the statement";
    case "below-standard": {
      const open = s.selfAssessments.get(el.id)?.actions.filter((a) => !a.done).length ?? 0;
      const next = open
        ? `see the ${plural(open, "open action")} through, or say why the rating stays`
        : "add actions that will bring it up to standard";
      return `self-rated ${label(el.rating)}: ${next}`;
    }
    case "open-finding": {
      const r = ctx.finding ? findingRatingOf(ctx.finding, el.id) : null;
      return `answer the ${ctx.finding?.date ?? ""} finding (${label(r?.rating)}) with an action`;
    }
    case "plus-without-case-study":
      return `back ${label(el.rating)} with a case study`;
    case "over-budget": {
      const words = countWords(s.selfAssessments.get(el.id)?.statement ?? "");
      return `cut the statement to ${s.config.rules.statementMaxWords} words (now ${words})`;
    }
    case "missed-target":
      return missedTargetText(ctx.standings.get(el.id) ?? []);
    case "no-recent-result":
      return noRecentResultText(ctx.standings.get(el.id) ?? []);
  }
}

// "E036 (dated 2022-09-01)" or "E036 (expired 2026-12-31)": what made it stale.
function staleNote(id: string, ctx: GapRules): string {
  const item = ctx.submission.evidence.find((e) => e.id === id && e.status === "ready");
  const reason = item ? staleReason(item, ctx.visitDay, ctx.submission.config.rules.maxAgeMonths) : null;
  if (!item || !reason) return id;
  return reason === "expired" ? `${id} (expired ${item.expires})` : `${id} (dated ${item.date})`;
}
