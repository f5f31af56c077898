import { Argument, Option } from "commander";
import { collectList } from "../lookup.js";
import type { CommandDef } from "./command-def.js";
import { dirOption } from "./shared-options.js";

/** `cse visit next`. */
export const visitCommand: CommandDef = (program, run) => {
  program
    .command("visit")
    .description("move cse.yaml to the next assessment visit, keeping everything else")
    .addArgument(new Argument("<action>", "what to do").choices(["next"]))
    .requiredOption("--date <date>", "the next visit's day, YYYY-MM-DD")
    .addOption(
      new Option("--kind <kind>", "what the next visit is")
        .choices(["initial", "annual-review", "reassessment"])
        .makeOptionMandatory(),
    )
    .option("--assessor <name>", "the certification body or assessor, if it changes")
    .option("--evidence-due <date>", "the day the evidence goes to the assessor, YYYY-MM-DD")
    .option(
      "--scope <ids>",
      "criteria, sub-criteria or elements the visit covers, comma-separated",
      collectList,
    )
    .addOption(dirOption())
    .addHelpText(
      "after",
      `
Record the last visit's results first (cse finding new). The last visit's
scope and evidence_due are removed unless you give new ones; every other line
of cse.yaml, comments included, stays as it was.

Examples:
  cse visit next --date 2028-03-07 --kind annual-review
  cse visit next --date 2029-03-06 --kind reassessment --evidence-due 2029-02-13
  cse visit next --date 2028-03-07 --kind annual-review --scope 2,4.3

Exit status: 0 done, 2 usage error (a date not after the current visit).`,
    )
    .action((action: string, opts) =>
      run(async (io) => (await import("../actions/visit.js")).visitAction(action, opts, io)),
    );
};
