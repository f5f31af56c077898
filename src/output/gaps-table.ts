import { Chalk, type ChalkInstance } from "chalk";
import type { GapCode } from "../analyse/gap-codes.js";
import type { ElementGaps, GapsReport } from "../analyse/gaps-report.js";
import type { GapsReporter } from "./gaps-formats.js";
import {
  fillLines,
  TERMINAL_WIDTH as W,
  padEnd,
  padStart,
  shorten,
  widthOf,
  wrapProse,
} from "./text-width.js";
import { elementRuns, runsByElement, type ElementRun } from "./gaps-grouping.js";
import { gapsSummaryTable } from "./gaps-table-summary.js";

/** Gaps that an assessor would mark down outright; shown in red, the rest in yellow. */
const SERIOUS: ReadonlySet<GapCode> = new Set([
  "no-evidence",
  "stale-evidence",
  "below-standard",
  "open-finding",
  "overdue-action",
]);

/** The longest gap code, so the gaps column can always hold one whole code. */
const MIN_GAPS_WIDTH = 23;

/**
 * A terminal table for 80 columns: one row per element under its criterion and sub-criterion
 * (elements not started and alike share a row unless `all`; see gaps-grouping.ts), then the
 * summary, each owner's to-dos and the advisories. Colour only when asked.
 */
export const formatGapsTable: GapsReporter = (report, { color, all }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const runs = all ? report.elements.map((el) => ({ elements: [el], label: el.id })) : elementRuns(report);
  const lines = [...heading(report, c), ""];
  if (report.elements.length === 0) lines.push("No elements match the filters.");
  else lines.push(...elementRows(report, runs, c));
  if (runs.length < report.elements.length) lines.push(c.dim(GROUPED_NOTE));
  lines.push("", ...gapsSummaryTable(report, c, runsByElement(runs)));
  return lines.join("\n") + "\n";
};

/** Said under a table where elements share rows. */
const GROUPED_NOTE = "Elements not started and alike share a line; cse gaps --all lists each one.";

function heading(report: GapsReport, c: ChalkInstance): string[] {
  const x = report.context;
  const filters = x.filters.length ? ` · ${x.filters.join(" ")}` : "";
  return [
    c.bold(shorten(`Gaps: ${x.title}`, W)),
    shorten(x.organisation, W),
    ...wrapProse(`Visit day ${report.visitDay} · as of ${report.asOf}${filters}`, W, "").map((l) => c.dim(l)),
  ];
}

/** `1.1.1`, or `1.1.1–1.3.5 (12)` for a run. */
function rowLabel(run: ElementRun): string {
  return run.elements.length === 1 ? run.label : `${run.label} (${run.elements.length})`;
}

function elementRows(report: GapsReport, runs: ElementRun[], c: ChalkInstance): string[] {
  const x = report.context;
  const label = (id: string | null) => (id === null ? "—" : (x.ratings[id]?.label ?? id));
  const idW = Math.max(5, ...runs.map((run) => widthOf(rowLabel(run))));
  let ownerW = Math.min(14, Math.max(5, ...report.elements.map((el) => widthOf(el.owner ?? "—"))));
  let ratingW = Math.min(18, Math.max(6, ...report.elements.map((el) => widthOf(label(el.rating)))));
  // Columns: "  id  Ev  CS  owner  rating  gaps", two spaces apart.
  const fixed = () => 2 + idW + 2 + 2 + 2 + 2 + 2 + ownerW + 2 + ratingW + 2;
  while (W - fixed() < MIN_GAPS_WIDTH && (ownerW > 8 || ratingW > 8)) {
    if (ratingW >= ownerW && ratingW > 8) ratingW--;
    else ownerW--;
  }
  const gapsW = Math.max(MIN_GAPS_WIDTH, W - fixed());
  const head = `${padEnd("Element", 2 + idW)}  Ev  CS  ${padEnd("Owner", ownerW)}  ${padEnd("Rating", ratingW)}  Gaps`;
  const lines = [c.dim(head)];
  let criterion = "";
  let subcriterion = "";
  for (const run of runs) {
    const el = run.elements[0]!;
    const end = run.elements[run.elements.length - 1]!;
    // A run spanning several criteria (or sub-criteria) has no one heading to sit under.
    const oneCriterion = el.criterion === end.criterion;
    const oneSubcriterion = el.subcriterion === end.subcriterion;
    if (oneCriterion && el.criterion !== criterion) {
      lines.push(c.bold(shorten(`${el.criterion}  ${x.titles[el.criterion] ?? ""}`, W)));
    }
    if (oneSubcriterion && el.subcriterion !== subcriterion) {
      lines.push(c.bold(" " + shorten(`${el.subcriterion}  ${x.titles[el.subcriterion] ?? ""}`, W - 1)));
    }
    criterion = oneCriterion ? el.criterion : "";
    subcriterion = oneSubcriterion ? el.subcriterion : "";
    const owner = padEnd(shorten(el.owner ?? "—", ownerW), ownerW);
    const rating = padEnd(shorten(label(el.rating), ratingW), ratingW);
    const counts = `${padStart(String(el.evidence), 2)}  ${padStart(String(el.caseStudies), 2)}`;
    const left = `  ${padEnd(rowLabel(run), idW)}  ${counts}  ${owner}  ${rating}  `;
    const gapLines = gapCells(el, gapsW, c);
    lines.push(left + gapLines[0]);
    for (const more of gapLines.slice(1)) lines.push(" ".repeat(widthOf(left)) + more);
  }
  return lines;
}

// Gap codes joined by ", ", wrapped to the column; coloured after wrapping so widths are true.
function gapCells(el: ElementGaps, width: number, c: ChalkInstance): string[] {
  if (el.gaps.length === 0) return [c.green("ok")];
  const words = el.gaps.map((g, i) => (i < el.gaps.length - 1 ? `${g},` : g));
  return fillLines(words, width).map((line) =>
    line.replace(/[a-z-]+/g, (code) => (SERIOUS.has(code as GapCode) ? c.red(code) : c.yellow(code))),
  );
}
