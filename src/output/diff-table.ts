import { createStyle, type Style } from "../util/terminal-style.js";
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
  statusMark,
} from "../analyse/diff-phrases.js";
import { TERMINAL_WIDTH as W, padEnd, shorten, widthOf, wrapProse } from "./text-width.js";

/**
 * The diff for a terminal, 80 columns: a heading, then one block per kind of change (elements,
 * evidence items, case studies, findings, actions), each line marked + added, ~ changed,
 * - removed. Kinds with no change are left out. Colour only when asked.
 */
export const formatDiffTable: DiffReporter = (diff, { color }) => {
  const c = createStyle(color);
  const lines: string[] = [
    ...wrapProse(diffTitle(diff), W, "").map((l) => c.bold(l)),
    ...wrapProse(diffSummaryLine(diff), W, "").map((l) => c.dim(l)),
    "",
  ];
  if (diff.summary.unchanged) return [...lines, "No changes."].join("\n") + "\n";
  if (diff.settings.length) {
    lines.push(c.bold("Settings (cse.yaml)"));
    const fieldW = Math.max(...diff.settings.map((s) => widthOf(s.field)));
    for (const s of diff.settings)
      lines.push(...block("~", s.field, fieldW, settingPhrase(s).slice(s.field.length + 1), c));
    lines.push("");
  }
  if (diff.elements.length) {
    lines.push(c.bold(`Elements (${diff.elements.length} changed)`));
    const idW = Math.max(...diff.elements.map((e) => widthOf(e.id)));
    for (const e of diff.elements)
      lines.push(...block(statusMark(e.status), e.id, idW, elementPhrases(e, diff).join("; "), c));
    lines.push("");
  }
  for (const [title, items] of [
    ["Evidence items", diff.evidence],
    ["Case studies", diff.caseStudies],
  ] as const) {
    if (!items.length) continue;
    lines.push(c.bold(`${title} (${countByStatus([...items])})`));
    const idW = Math.max(...items.map((i) => widthOf(i.id)));
    for (const i of items)
      lines.push(
        ...block(statusMark(i.status), i.id, idW, `${shorten(i.title, 40)}: ${itemPhrases(i).join("; ")}`, c),
      );
    lines.push("");
  }
  if (diff.findings.length) {
    lines.push(c.bold(`Findings (${countByStatus(diff.findings)})`));
    for (const f of diff.findings)
      lines.push(
        ...block(
          statusMark(f.status),
          f.date,
          10,
          `${f.kind ?? "assessment"}: ${findingPhrases(f, diff).join("; ")}`,
          c,
        ),
      );
    lines.push("");
  }
  if (diff.actions.length) {
    lines.push(c.bold(`Actions (${countByStatus(diff.actions)})`));
    const idW = Math.max(...diff.actions.map((a) => widthOf(a.element)));
    for (const a of diff.actions)
      lines.push(
        ...block(
          statusMark(a.status),
          a.element,
          idW,
          `${shorten(a.title, 48)}: ${actionPhrases(a, diff).join("; ")}`,
          c,
        ),
      );
    lines.push("");
  }
  return lines.join("\n").replace(/\n+$/, "") + "\n";
};

/** "  + E003  text wrapped under itself", the mark coloured. */
function block(mark: string, id: string, idW: number, text: string, c: Style): string[] {
  const paint = mark === "+" ? c.green : mark === "-" ? c.red : mark === "~" ? c.yellow : (s: string) => s;
  const lead = `  ${mark} ${padEnd(id, idW)}  `;
  return wrapProse(text, W, lead).map((l, i) => (i === 0 ? `  ${paint(mark)} ${l.slice(4)}` : l));
}
