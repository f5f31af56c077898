import { Option } from "commander";
import type { CommandDef } from "./command-def.js";
import { dirOption, refOption } from "./shared-options.js";

/** `cse export`. */
export const exportCommand: CommandDef = (program, run) => {
  program
    .command("export")
    .description("write the evidence log, case studies, self-assessment and actions as a workbook")
    .option(
      "--out <file>",
      "where to write (default: submission.xlsx in build.output); - for the terminal (CSV)",
    )
    .addOption(
      new Option("--format <format>", "xlsx (every sheet) or csv (one sheet)").choices(["xlsx", "csv"]),
    )
    .option(
      "--sheet <name>",
      "with --format csv: Evidence, Case studies, Self-assessment or Actions (default Evidence)",
    )
    .option("--as-of <date>", "judge the Gaps column as of this day, YYYY-MM-DD (default: today)")
    .addOption(dirOption())
    .addOption(refOption())
    .addHelpText(
      "after",
      `
Examples:
  cse export                                the workbook, in out/submission.xlsx
  cse export --format csv --sheet Actions --out actions.csv
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) cse export   the same bytes every time

Exit status: 0 written, 2 usage or fatal error.
`,
    )
    .action((opts) => run(async (io) => (await import("../actions/export.js")).exportAction(opts, io)));
};
