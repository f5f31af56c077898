import { Argument, Option } from "commander";
import type { CommandDef } from "./command-def.js";
import { dirOption } from "./shared-options.js";

/** `cse finding new`. */
export const findingCommand: CommandDef = (program, run) => {
  program
    .command("finding")
    .description("record the assessor's results of a visit: start a finding to fill in")
    .addArgument(new Argument("<action>", "what to do").choices(["new"]))
    .option("--date <date>", "the visit's day, YYYY-MM-DD (default: assessment.date in cse.yaml)")
    .addOption(
      new Option("--kind <kind>", "what the visit was (default: assessment.kind in cse.yaml)").choices([
        "initial",
        "annual-review",
        "reassessment",
      ]),
    )
    .option("--assessor <name>", "the certification body or assessor (default: assessment.assessor)")
    .addOption(dirOption())
    .addHelpText(
      "after",
      `
Writes assessment/findings/<date>-<kind>.yaml with every element in the visit's
scope, each with our self-rating as a starting point and an empty comment:
change only what the assessor decided. Then move cse.yaml to the next visit
with cse visit next.

Examples:
  cse finding new                      the visit cse.yaml describes
  cse finding new --date 2027-03-09 --kind annual-review

Exit status: 0 written, 2 usage error (a finding for that day exists already).`,
    )
    .action((action: string, opts) =>
      run(async (io) => (await import("../actions/finding.js")).findingAction(action, opts, io)),
    );
};
