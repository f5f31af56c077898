import type { CommandDef } from "./command-def.js";
import { dirOption } from "./shared-options.js";

/** `cse record`. */
export const recordCommand: CommandDef = (program, run) => {
  program
    .command("record")
    .description("record a service standard's result for a month, quarter or year")
    .argument("<id>", "the service standard's id, e.g. SS-IT-1")
    .argument("<when>", "the period: a month 2026-11, a quarter 2026-Q3 or a year 2026")
    .argument("<value>", "the result, in the target's unit, e.g. 93.4")
    .option("--note <text>", "what lies behind the figure (shown in the pack)")
    .option("--replace", "change the result already recorded for that period")
    .option("--as-of <date>", "judge which periods have ended as of this day, YYYY-MM-DD (default: today)")
    .addOption(dirOption())
    .addHelpText(
      "after",
      `
The result is added to the standard's file in service-standards/, in period
order; every comment and line you wrote stays as it was.

Examples:
  cse record SS-IT-1 2026-11 93.4
  cse record SS-ARC-1 2026-Q3 91.8 --note "Two staff on leave over the summer."
  cse record SS-IT-1 2026-11 93.9 --replace      correct a figure

Exit status: 0 recorded, 2 usage error (unknown standard, a period of the wrong
kind or not yet over, a result already recorded without --replace).`,
    )
    .action((standard: string, period: string, value: string, opts) =>
      run(async (io) =>
        (await import("../actions/record.js")).recordAction(standard, period, value, opts, io),
      ),
    );
};
