import type { GapsReport } from "../analyse/gaps-report.js";

/** A gaps reporter: a pure function from the report to text. */
export type GapsReporter = (report: GapsReport, options: { color: boolean }) => string;

/** The gaps reporters by `--format` name, loaded on demand. */
export const GAPS_FORMATS: Record<string, () => Promise<GapsReporter>> = {
  table: async () => (await import("./gaps-table.js")).formatGapsTable,
  markdown: async () => (await import("./gaps-markdown.js")).formatGapsMarkdown,
  csv: async () => (await import("./gaps-csv.js")).formatGapsCsv,
  json: async () => (await import("./gaps-json.js")).formatGapsJson,
};
