import { createStyle } from "../util/terminal-style.js";
import { plural } from "../util/plural.js";
import type { DiagnosticsReporter } from "./diagnostics-report.js";
import { messageLines } from "./message-lines.js";
import { TEXT_WIDTH } from "./text-layout.js";
import { widthOf } from "./text-width.js";

/** Linter-style text: diagnostics grouped by file, then a summary line. */
export const formatDiagnosticsText: DiagnosticsReporter = (report, { color }) => {
  const c = createStyle(color);
  const lines: string[] = [];
  let current = "";
  const width = Math.max(0, ...report.diagnostics.map((d) => `${d.line}:${d.column}`.length));
  for (const d of report.diagnostics) {
    if (d.file !== current) {
      if (current) lines.push("");
      lines.push(c.underline(d.file));
      current = d.file;
    }
    const pos = `${d.line}:${d.column}`.padEnd(width);
    const sev = d.severity === "error" ? c.red("error  ") : c.yellow("warning");
    // Wrapped under itself at the terminal's width, the code after the last line (or below it).
    const hang = " ".repeat(2 + width + 2 + 7 + 2);
    const text = messageLines(d.message, Math.max(30, TEXT_WIDTH - hang.length));
    const last = text.length - 1;
    const fits = widthOf(text[last]!) + 2 + widthOf(d.code) <= TEXT_WIDTH - hang.length;
    text.forEach((t, i) => {
      const tail = i === last && fits ? `  ${c.dim(d.code)}` : "";
      lines.push(i === 0 ? `  ${c.dim(pos)}  ${sev}  ${t}${tail}` : `${hang}${t}${tail}`);
    });
    if (!fits) lines.push(`${hang}${c.dim(d.code)}`);
  }
  const { errorCount: e, warningCount: w, counted } = report;
  if (lines.length) lines.push("");
  if (e + w === 0) {
    lines.push(
      c.green(
        `✔ No problems in ${plural(counted.files, "file")}: ${plural(counted.elements, "element")}, ` +
          `${plural(counted.evidence, "evidence item")}, ${plural(counted.caseStudies, "case study", "case studies")}.`,
      ),
    );
  } else {
    const total = e + w;
    const text = `✖ ${plural(total, "problem")} (${plural(e, "error")}, ${plural(w, "warning")})`;
    lines.push(e ? c.red.bold(text) : c.yellow.bold(text));
  }
  return lines.join("\n") + "\n";
};
