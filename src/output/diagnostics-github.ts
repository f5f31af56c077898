import type { Diagnostic } from "../diagnostic.js";
import type { DiagnosticsReporter } from "./diagnostics-report.js";

/** GitHub Actions workflow commands: one `::error` or `::warning` line per diagnostic. */
export const formatDiagnosticsGithub: DiagnosticsReporter = (report) => {
  // GitHub places an annotation by its path from the top of the repository, not of the submission.
  const prefix = report.workTreePrefix ? `${report.workTreePrefix}/` : "";
  return report.diagnostics.map((d) => annotation(d, prefix + d.file)).join("");
};

function annotation(d: Diagnostic, file: string): string {
  const where = `file=${property(file)},line=${d.line},col=${d.column},title=${property(d.code)}`;
  return `::${d.severity} ${where}::${data(d.message)}\n`;
}

// Escaping as GitHub's toolkit does for workflow command data and properties.
function data(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
