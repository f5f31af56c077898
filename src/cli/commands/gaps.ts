import { Option } from "commander";
import type { CommandDef } from "./command-def.js";
import {
  cacheLocationOption,
  cacheOption,
  colorOption,
  noColorOption,
  dirOption,
  refOption,
} from "./shared-options.js";

/** `cse gaps`. */
export const gapsCommand: CommandDef = (program, run) => {
  program
    .command("gaps")
    .description("show the coverage of every element and its gaps before the visit")
    .addOption(
      new Option("--format <format>", "output format")
        .choices(["table", "markdown", "csv", "json"])
        .default("table"),
    )
    .option("--as-of <date>", "judge dates as of this day, YYYY-MM-DD (default: today)")
    .addOption(
      new Option("--scope <scope>", "visit: only the elements in the coming visit's scope").choices([
        "visit",
      ]),
    )
    .option("--criterion <id>", "only elements of this criterion or sub-criterion")
    .option("--owner <person>", "only elements this person owns in the self-assessment")
    .option(
      "--section <section>",
      "only elements whose owner works in this section, or that evidence for it names",
    )
    .option("--only <codes>", "only these gap codes, comma-separated, and the elements that have them")
    .option("--all", "table: one row per element, even where elements not started are alike")
    .option("--fail-on <codes>", "exit 1 when a listed element has one of these gap codes, comma-separated")
    .addOption(dirOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .addOption(refOption())
    .addOption(colorOption())
    .addOption(noColorOption())
    .addHelpText(
      "after",
      `
Gap codes: no-evidence, thin-evidence, stale-evidence, no-owner, unrated,
no-statement, below-standard, open-finding, overdue-action,
plus-without-case-study, over-budget, missed-target, no-recent-result.

Examples:
  cse gaps                                  every element, as a table
  cse gaps --all                            the same, one row per element
  cse gaps --owner tom-nakamura             what Tom must do before the visit
  cse gaps --format markdown > gaps.md      for a meeting's papers
  cse gaps --only no-evidence,stale-evidence --criterion 3
  cse gaps --scope visit                    only what the coming visit looks at
  cse gaps --fail-on no-evidence,stale-evidence --as-of 2027-03-09   (in CI)
  cse gaps --ref assessed-2014 --as-of 2014-03-01
                         as things stood at last year's visit

Exit status: 0 done, 1 a gap named by --fail-on (or validation errors),
2 usage or fatal error.
`,
    )
    .action((opts) => run(async (io) => (await import("../actions/gaps.js")).gapsAction(opts, io)));
};
