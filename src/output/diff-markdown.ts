import type { SubmissionDiff } from "../analyse/submission-diff.js";
import type { DiffReporter } from "./diff-formats.js";
import {
  actionPhrases,
  countByStatus,
  diffSummaryLine,
  diffTitle,
  elementPhrases,
  findingPhrases,
  itemPhrases,
  settingPhrase,
} from "../analyse/diff-phrases.js";

/** The diff as Markdown for a meeting's papers or a pull request: a heading and one table per kind of change. */
export const formatDiffMarkdown: DiffReporter = (diff) => {
  const out = [`# ${text(diffTitle(diff))}`, "", text(diffSummaryLine(diff)), ""];
  if (diff.summary.unchanged) return [...out, "No changes."].join("\n") + "\n";
  out.push(...diffMarkdownSections(diff, "##"));
  return out.join("\n").replace(/\n+$/, "") + "\n";
};

/** The tables of a diff under headings of the given level, for reuse inside a larger document. */
export function diffMarkdownSections(diff: SubmissionDiff, level: string): string[] {
  const out: string[] = [];
  if (diff.settings.length) {
    out.push(
      `${level} Settings (cse.yaml)`,
      "",
      ...diff.settings.map((s) => `- ${text(settingPhrase(s))}`),
      "",
    );
  }
  if (diff.elements.length) {
    out.push(
      `${level} Elements (${diff.elements.length} changed)`,
      "",
      "| Element | What changed |",
      "|---|---|",
    );
    for (const e of diff.elements) out.push(`| ${text(e.id)} | ${cell(elementPhrases(e, diff))} |`);
    out.push("");
  }
  for (const [title, items] of [
    ["Evidence items", diff.evidence],
    ["Case studies", diff.caseStudies],
  ] as const) {
    if (!items.length) continue;
    out.push(
      `${level} ${title} (${countByStatus([...items])})`,
      "",
      "| | Id | Title | What changed |",
      "|---|---|---|---|",
    );
    for (const i of items)
      out.push(`| ${i.status} | ${text(i.id)} | ${text(i.title)} | ${cell(itemPhrases(i))} |`);
    out.push("");
  }
  if (diff.findings.length) {
    out.push(
      `${level} Findings (${countByStatus(diff.findings)})`,
      "",
      "| | Date | Kind | What changed |",
      "|---|---|---|---|",
    );
    for (const f of diff.findings)
      out.push(`| ${f.status} | ${f.date} | ${text(f.kind ?? "")} | ${cell(findingPhrases(f, diff))} |`);
    out.push("");
  }
  if (diff.actions.length) {
    out.push(
      `${level} Actions (${countByStatus(diff.actions)})`,
      "",
      "| | Element | Action | What changed |",
      "|---|---|---|---|",
    );
    for (const a of diff.actions)
      out.push(`| ${a.status} | ${text(a.element)} | ${text(a.title)} | ${cell(actionPhrases(a, diff))} |`);
    out.push("");
  }
  return out;
}

function cell(phrases: string[]): string {
  return text(phrases.join("; "));
}

/** Plain text made safe for Markdown, in a paragraph or a table cell: markup escaped, on one line. */
function text(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|#~]/g, (ch) => `\\${ch}`);
}
