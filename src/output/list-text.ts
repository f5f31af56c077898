import type { CaseStudyRow, ElementRow, EvidenceRow } from "../inspect/listing.js";
import { table } from "./text-layout.js";
import { inNumber, plural } from "../util/plural.js";

// `cse list` as text: one row per element or item, fitted to 80 columns. The JSON output has
// every field; the text keeps what answers "what is there?" at a glance.

/** Elements: id, ready evidence and case studies naming it, self-rating, and what it asks. */
export function formatElementsText(rows: ElementRow[]): string {
  if (rows.length === 0) return "No elements match.\n";
  const lines = table(
    [
      { heading: "ID" },
      { heading: "EV" },
      { heading: "CS" },
      { heading: "RATING", max: 18 },
      { heading: "ELEMENT" },
    ],
    rows.map((r) => [r.id, String(r.evidence), String(r.caseStudies), r.rating ?? "-", r.text]),
  );
  const uncited = rows.filter((r) => r.evidence + r.caseStudies === 0).length;
  lines.push(
    "",
    `${plural(rows.length, "element")}, ${uncited} named by no ready evidence item or case study.`,
    "EV and CS: the ready evidence items and case studies that name each element.",
  );
  return lines.join("\n") + "\n";
}

/** Evidence items: id, date, type, status and title. */
export function formatEvidenceText(rows: EvidenceRow[]): string {
  if (rows.length === 0) return "No evidence items match.\n";
  const lines = table(
    [
      { heading: "ID", max: 12 },
      { heading: "DATE" },
      { heading: "TYPE" },
      { heading: "STATUS" },
      { heading: "TITLE" },
    ],
    rows.map((r) => [r.id, r.date ?? "-", r.type ?? "-", r.status, r.title]),
  );
  lines.push("", summary(rows.length, rows.filter((r) => r.status === "draft").length, "evidence item"));
  return lines.join("\n") + "\n";
}

/** Case studies: id, date, status and title. */
export function formatCaseStudiesText(rows: CaseStudyRow[]): string {
  if (rows.length === 0) return "No case studies match.\n";
  const lines = table(
    [{ heading: "ID", max: 12 }, { heading: "DATE" }, { heading: "STATUS" }, { heading: "TITLE" }],
    rows.map((r) => [r.id, r.date ?? "-", r.status, r.title]),
  );
  lines.push(
    "",
    summary(rows.length, rows.filter((r) => r.status === "draft").length, "case study", "case studies"),
  );
  return lines.join("\n") + "\n";
}

function summary(n: number, drafts: number, one: string, many?: string): string {
  return `${plural(n, one, many)}${drafts ? ` (${drafts} ${inNumber(drafts, "a draft", "drafts")})` : ""}.`;
}
