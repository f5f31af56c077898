import type { LastChange } from "../git/last-changed.js";
import type { Inline } from "./document-model.js";
import { code, formatDate, text } from "./inline.js";

/** A last change for the evidence index's column: "2015-03-12", marked when the work tree has edits on top. */
export function lastChangedCell(change: LastChange | undefined): string {
  if (!change) return "";
  if (change.date === null) return change.uncommitted ? "not committed" : "";
  return change.uncommitted ? `${change.date}, edited since` : change.date;
}

/** A last change for an item's facts: "12 March 2015 (commit 1a2b3c4d5e6f)", or null when there is nothing to say. */
export function lastChangedFact(change: LastChange | undefined): Inline[] | null {
  if (!change || (change.date === null && !change.uncommitted)) return null;
  if (change.date === null) return [text("not yet committed")];
  const value: Inline[] = [
    text(`${formatDate(change.date)} (commit `),
    code(change.commit!.slice(0, 12)),
    text(")"),
  ];
  if (change.uncommitted) value.push(text(", with uncommitted edits since"));
  return value;
}
