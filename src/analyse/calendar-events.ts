import { createHash } from "node:crypto";
import type { Submission } from "../model/types.js";

/** One all-day event of `cse calendar`. */
export interface CalendarEvent {
  /** Stable across runs and date changes: derived from what the event is, never from its date. */
  uid: string;
  /** The day, YYYY-MM-DD. */
  date: string;
  summary: string;
  description: string;
}

const KIND_NAMES = {
  initial: "initial assessment",
  "annual-review": "annual review",
  reassessment: "reassessment",
} as const;

/**
 * The events of the coming visit (FORMAT.md `cse calendar`): the visit day, the evidence due
 * day, and the due day of every open action, in that order (actions in standard order).
 */
export function calendarEvents(s: Submission): CalendarEvent[] {
  const org = s.config.organisation;
  const { date, kind, assessor, evidenceDue } = s.config.assessment;
  const visit = kind ? KIND_NAMES[kind] : "assessment";
  const standardName = s.standard.title || "the standard";
  const to = assessor ?? "the assessor";
  const events: CalendarEvent[] = [];
  if (date)
    events.push({
      uid: uidOf(org, "visit"),
      date,
      summary: `${capitalise(visit)}: the assessor's visit`,
      description: `${assessor ?? "The assessor"} visits ${org} for the ${visit} against ${standardName}.`,
    });
  if (evidenceDue)
    events.push({
      uid: uidOf(org, "evidence-due"),
      date: evidenceDue,
      summary: `Evidence due to the assessor (${visit})`,
      description: date
        ? `The day the evidence for the ${visit} on ${date} goes to ${to}.`
        : `The day the evidence for the ${visit} goes to ${to}.`,
    });
  const names = new Map(s.config.people.map((p) => [p.id, p.name]));
  const seen = new Map<string, number>();
  for (const element of s.elements) {
    const self = s.selfAssessments.get(element.id);
    for (const action of self?.actions ?? []) {
      if (action.done || action.due === null) continue;
      const key = `${element.id}\n${action.title}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const owner = action.owner ?? self?.owner ?? null;
      events.push({
        uid: uidOf(org, "action", element.id, action.title, ...(n > 1 ? [String(n)] : [])),
        date: action.due,
        summary: `${element.id}: ${action.title}`,
        description: actionDescription(owner === null ? null : (names.get(owner) ?? owner), element),
      });
    }
  }
  return events;
}

/** Who owns an action, and which element it is for. */
function actionDescription(owner: string | null, element: { id: string; text: string }): string {
  const who = owner ? `Owner: ${owner}.` : "No owner named.";
  return `${who} An action of the self-assessment for element ${element.id}: ${element.text}`;
}

/** A UID from what the event is: the organisation and the event's identity, hashed. */
function uidOf(...parts: string[]): string {
  return `${createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32)}@cse`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
