import type { Diagnostic } from "../diagnostic.js";
import { formatDiagnosticsText } from "../output/diagnostics-text.js";
import { useColor, type Io } from "./io.js";

/**
 * Prints on stderr, as `cse validate` would, the errors that stop a command from using the
 * submission (gaps, build and assign refuse broken data); returns how many there were.
 */
export function printBlockingErrors(
  root: string,
  diagnostics: readonly Diagnostic[],
  io: Io,
  color: boolean | undefined,
): number {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const counted = { files: 0, elements: 0, evidence: 0, caseStudies: 0 };
  io.stderr.write(
    formatDiagnosticsText(
      { root, diagnostics: errors, errorCount: errors.length, warningCount: 0, counted },
      { color: useColor(io.stderr, io.env, color) },
    ),
  );
  return errors.length;
}
