import type { Style } from "../util/terminal-style.js";
import type { GapsReport, Todo } from "../analyse/gaps-report.js";
import { dueInWords } from "../analyse/evidence-due.js";
import { TERMINAL_WIDTH as W, padEnd, padStart, shorten, widthOf, wrapProse } from "./text-width.js";
import { plural } from "../util/plural.js";
import type { ElementRun } from "./gaps-grouping.js";

/** The part of the gaps table after the element rows: summary, coverage per criterion, to-dos, advice. */
export function gapsSummaryTable(
  report: GapsReport,
  c: Style,
  runs: ReadonlyMap<string, ElementRun> = new Map(),
): string[] {
  const s = report.summary;
  const x = report.context;
  const of = x.filters.length ? `${s.elements} listed` : `${s.elements}`;
  const lines = [c.bold("Summary")];
  lines.push(
    ...wrapProse(
      `${s.covered} of ${of} elements covered; ${s.withGaps} with gaps. ` +
        `Rules: ${plural(x.minEvidence, "ready item")} per element, ` +
        `evidence current for ${plural(x.maxAgeMonths, "month")} before the visit day` +
        `${x.statementMaxWords === null ? "" : `, statements up to ${x.statementMaxWords} words`}.`,
      W,
      "  ",
    ),
  );
  const codes = Object.entries(s.byCode).map(([code, n]) => `${code} ${n}`);
  if (codes.length) lines.push(...wrapProse(codes.join(", "), W, "  Gaps: ", "        "));

  if (report.criteria.length) {
    lines.push("", c.bold("Coverage by criterion"));
    const idW = Math.max(...report.criteria.map((cr) => widthOf(cr.id)));
    const titleW = W - (2 + idW + 2) - (2 + 7 + 2 + 9);
    lines.push(c.dim(`  ${padEnd("Criterion", idW + 2 + titleW)}  Covered  With gaps`));
    for (const cr of report.criteria) {
      const covered = padStart(`${cr.covered}/${cr.elements}`, 7);
      lines.push(
        `  ${padEnd(cr.id, idW)}  ${padEnd(shorten(cr.title, titleW), titleW)}  ` +
          `${covered}  ${padStart(String(cr.withGaps), 9)}`,
      );
    }
  }

  lines.push("", c.bold(beforeHeading(report)));
  if (report.todos.length === 0) lines.push(c.green("  Nothing to do: no listed element has a gap."));
  for (const owner of report.todos) {
    lines.push(
      "  " +
        shorten(
          `${owner.name}${owner.person && owner.person !== owner.name ? ` (${owner.person})` : ""}`,
          W - 2,
        ),
    );
    const todos = groupTodos(owner.todos, runs);
    const idW = Math.max(...todos.map((t) => widthOf(t.label)));
    for (const t of todos) lines.push(...wrapProse(t.text, W, `    ${padEnd(t.label, idW)}  `));
  }

  if (report.advisories.length) {
    lines.push("", c.bold("Advice (not gaps)"));
    for (const a of report.advisories) lines.push(...wrapProse(a.message, W, "  • ", "    "));
  }
  return lines;
}

/** An owner's to-dos, one line per to-do of a run of alike elements instead of one per element. */
function groupTodos(todos: Todo[], runs: ReadonlyMap<string, ElementRun>): { label: string; text: string }[] {
  const seen = new Set<string>();
  const lines: { label: string; text: string }[] = [];
  for (const t of todos) {
    const run = runs.get(t.element);
    if (!run) {
      lines.push({ label: t.element, text: t.text });
      continue;
    }
    const key = `${run.label} ${t.code} ${t.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push({ label: run.label, text: t.text });
  }
  return lines;
}

/** "Before the visit", or with `assessment.evidence_due`: "Before the evidence is due (due in 12 days, 2027-02-16)". */
export function beforeHeading(report: GapsReport): string {
  const due = report.evidenceDue;
  return due ? `Before the evidence goes in (${dueInWords(due)}, ${due.date})` : "Before the visit";
}
