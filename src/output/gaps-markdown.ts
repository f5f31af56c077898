import { beforeHeading } from "./gaps-table-summary.js";
import type { GapsReport } from "../analyse/gaps-report.js";
import type { GapsReporter } from "./gaps-formats.js";
import { plural } from "../util/plural.js";
import { inNumber } from "../util/plural.js";

/**
 * Markdown for a meeting's papers: the summary, the last assessment's findings and overdue
 * actions first, then what each owner must do before the visit, the advice, and the element table.
 */
export const formatGapsMarkdown: GapsReporter = (report) => {
  const x = report.context;
  const out: string[] = [`# Gaps: ${text(x.title)}`, ""];
  const filters = x.filters.length
    ? ` Filters: ${x.filters.map((f) => "`" + f.replace(/`/g, "'") + "`").join(", ")}.`
    : "";
  out.push(`${text(x.organisation)}. Visit day **${report.visitDay}**, as of ${report.asOf}.${filters}`, "");
  out.push(
    ...summary(report),
    ...findings(report),
    ...overdue(report),
    ...todos(report),
    ...advice(report),
    ...elements(report),
  );
  return out.join("\n").replace(/\n+$/, "") + "\n";
};

function summary(report: GapsReport): string[] {
  const s = report.summary;
  const x = report.context;
  const codes = Object.entries(s.byCode)
    .map(([code, n]) => `\`${code}\` ${n}`)
    .join(", ");
  const out = ["## Summary", ""];
  out.push(
    `- **${s.covered} of ${s.elements}** elements covered (named by at least one ready evidence item or case study).`,
  );
  out.push(
    `- **${s.withGaps}** ${inNumber(s.withGaps, "element has", "elements have")} gaps${codes ? `: ${codes}` : ""}.`,
  );
  out.push(
    `- Rules: ${plural(x.minEvidence, "ready item")} per element; ` +
      `evidence current for ${plural(x.maxAgeMonths, "month")} before the visit day` +
      `${x.statementMaxWords === null ? "" : `; statements up to ${x.statementMaxWords} words`}.`,
    "",
  );
  if (report.criteria.length) {
    out.push("| Criterion | Elements | Covered | With gaps |", "|---|--:|--:|--:|");
    for (const c of report.criteria)
      out.push(`| ${c.id} ${text(c.title)} | ${c.elements} | ${c.covered} | ${c.withGaps} |`);
    out.push("");
  }
  return out;
}

function findings(report: GapsReport): string[] {
  const f = report.finding;
  if (!f) return ["## Findings of the last assessment", "", "No findings are recorded.", ""];
  const out = [`## Findings of the last assessment (${f.date})`, ""];
  if (f.results.length === 0) return [...out, "It rated every listed element as meeting the standard.", ""];
  out.push("| Element | Assessor's rating | Comment | Our response |", "|---|---|---|---|");
  for (const r of f.results) {
    const label = report.context.ratings[r.rating]?.label ?? r.rating;
    const response =
      r.actions === 0 ? "**Open: no action yet**" : `${plural(r.actions, "action")}, ${r.done} done`;
    const comment = r.comment ? markdownCell(r.comment) : r.unlisted ? "(all unlisted elements)" : "";
    out.push(`| ${r.element} | ${text(label)} | ${comment} | ${response} |`);
  }
  return [...out, ""];
}

function overdue(report: GapsReport): string[] {
  const out = ["## Overdue actions", ""];
  if (report.overdueActions.length === 0) return [...out, "None.", ""];
  out.push("| Element | Action | Owner | Due |", "|---|---|---|---|");
  for (const a of report.overdueActions)
    out.push(`| ${a.element} | ${text(a.title)} | ${text(person(report, a.owner))} | ${a.due} |`);
  return [...out, ""];
}

function todos(report: GapsReport): string[] {
  const out = [`## ${beforeHeading(report)}`, ""];
  if (report.todos.length === 0) return [...out, "Nothing to do: no listed element has a gap.", ""];
  for (const o of report.todos) {
    out.push(`### ${text(o.name)}`, "");
    for (const t of o.todos) out.push(`- **${t.element}** ${text(t.text)}`);
    out.push("");
  }
  return out;
}

function advice(report: GapsReport): string[] {
  if (report.advisories.length === 0) return [];
  return [
    "## Advice",
    "",
    "Not gaps, but what an assessor may ask about.",
    "",
    ...report.advisories.map((a) => `- ${text(a.message)}`),
    "",
  ];
}

function elements(report: GapsReport): string[] {
  const out = ["## Elements", ""];
  if (report.elements.length === 0) return [...out, "No elements match the filters.", ""];
  out.push("| Element | Evidence | Case studies | Owner | Rating | Gaps |", "|---|--:|--:|---|---|---|");
  for (const el of report.elements) {
    const rating = el.rating === null ? "—" : (report.context.ratings[el.rating]?.label ?? el.rating);
    const gaps = el.gaps.length ? el.gaps.map((g) => `\`${g}\``).join(", ") : "—";
    out.push(
      `| ${el.id} | ${el.evidence} | ${el.caseStudies} | ${text(person(report, el.owner))} | ` +
        `${text(rating)} | ${gaps} |`,
    );
  }
  return [...out, ""];
}

function person(report: GapsReport, id: string | null): string {
  return id === null ? "—" : (report.context.people[id] ?? id);
}

/** Plain text made safe for Markdown, in a paragraph or a table cell: markup characters escaped, on one line. */
function text(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|#~]/g, (ch) => `\\${ch}`);
}

/** Markdown (an assessor's comment) in a table cell: on one line, pipes escaped, raw HTML shown as text. */
function markdownCell(s: string): string {
  return s.replace(/\s+/g, " ").trim().replace(/\|/g, "\\|").replace(/</g, "&lt;");
}
