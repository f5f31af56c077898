import { Argument, Option } from "commander";
import type { CommandDef } from "./command-def.js";
import { dirOption } from "./shared-options.js";

/** `cse import`. */
export const importCommand: CommandDef = (program, run) => {
  program
    .command("import")
    .description(
      "read an evidence log or self-assessment from a spreadsheet (.xlsx or .csv) into the YAML files",
    )
    .addArgument(new Argument("<file>", "the .xlsx or .csv file"))
    .option(
      "--sheet <name>",
      "which sheet a CSV file (or a one-sheet workbook) is: Evidence, Case studies, ...",
    )
    .option("--dry-run", "say what would change, and change nothing")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addOption(dirOption())
    .addHelpText(
      "after",
      `
New items are written as drafts in evidence/imported/; items that exist are
updated in place, keeping comments and the fields the sheet does not have.
Nothing is written when any row has a problem: each is shown at its cell.

Examples:
  cse import evidence-log.xlsx --dry-run    what would change
  cse import evidence-log.csv               Ref, Element, Evidence, Owner, Notes
  cse import owners.csv --sheet Self-assessment

Exit status: 0 imported (or nothing to do), 1 problems in the sheet (nothing
written), 2 usage or fatal error (file missing, not a spreadsheet, too large).
`,
    )
    .action((file, opts) =>
      run(async (io) => (await import("../actions/import.js")).importAction(file, opts, io)),
    );
};
