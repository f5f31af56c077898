import type { LastChange } from "../git/last-changed.js";
import type { Inline } from "./document-model.js";
import { code, text } from "./inline.js";

/** A last change: "12 March 2015 (commit 1a2b3c4d5e6f)", or null when there is nothing to say. */
export function lastChangedFact(
  change: LastChange | undefined,
  date: (iso: string) => string,
): Inline[] | null {
  if (!change || (change.date === null && !change.uncommitted)) return null;
  if (change.date === null) return [text("not yet committed")];
  const value: Inline[] = [
    text(`${date(change.date)} (commit `),
    code(change.commit!.slice(0, 12)),
    text(")"),
  ];
  if (change.uncommitted) value.push(text(", with uncommitted edits since"));
  return value;
}
