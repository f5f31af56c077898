import type { Action } from "../model/types.js";

// The judgements more than one stage makes about the same data, each written once: the gaps,
// the to-do lists and the pack must never disagree about what is overdue or below the standard.

/**
 * An action is overdue on `asOf` when it is not done and its due date is before that day. An
 * action with no due date (or an empty one) is never overdue.
 */
export function isOverdue(action: Pick<Action, "done" | "due">, asOf: string): boolean {
  return !action.done && !!action.due && action.due < asOf;
}

/** A rating is below the standard when it is known and does not meet it; an unknown rating is not judged. */
export function isBelowStandard(rating: { meets: boolean } | null | undefined): boolean {
  return rating != null && !rating.meets;
}
