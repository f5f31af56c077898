import type { GapsReport } from "../analyse/gaps-report.js";

/** How a gaps reporter writes. */
export interface GapsReporterOptions {
  /** Colour the text (table only). */
  color: boolean;
  /** One row per element even where elements are alike (table only; others always list each). */
  all?: boolean;
}

/** A gaps reporter: a pure function from the report to text. */
export type GapsReporter = (report: GapsReport, options: GapsReporterOptions) => string;

/** The gaps reporters by `--format` name, loaded on demand. */
export const GAPS_FORMATS: Record<string, () => Promise<GapsReporter>> = {
  table: async () => (await import("./gaps-table.js")).formatGapsTable,
  markdown: async () => (await import("./gaps-markdown.js")).formatGapsMarkdown,
  csv: async () => (await import("./gaps-csv.js")).formatGapsCsv,
  json: async () => (await import("./gaps-json.js")).formatGapsJson,
};
