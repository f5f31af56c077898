import type { DiagnosticsReporter } from "./diagnostics-report.js";

/** The diagnostics reporters by `--format` name, loaded on demand. */
export const DIAGNOSTICS_FORMATS: Record<string, () => Promise<DiagnosticsReporter>> = {
  text: async () => (await import("./diagnostics-text.js")).formatDiagnosticsText,
  json: async () => (await import("./diagnostics-json.js")).formatDiagnosticsJson,
  github: async () => (await import("./diagnostics-github.js")).formatDiagnosticsGithub,
};
