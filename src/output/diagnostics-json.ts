import type { DiagnosticsReporter } from "./diagnostics-report.js";

/** FORMAT.md's JSON shape, exactly: root, counts, diagnostics. */
export const formatDiagnosticsJson: DiagnosticsReporter = (report) =>
  JSON.stringify(
    {
      root: report.root,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      diagnostics: report.diagnostics.map((d) => ({
        file: d.file,
        line: d.line,
        column: d.column,
        severity: d.severity,
        code: d.code,
        message: d.message,
      })),
    },
    null,
    2,
  ) + "\n";
