import { Option } from "commander";
import type { CommandDef } from "./command-def.js";

/** `cse init [DIR]`. */
export const initCommand: CommandDef = (program, run) => {
  program
    .command("init")
    .description("start a new submission: cse.yaml, the CSE standard, examples, schemas and a CI workflow")
    .argument("[dir]", "the folder to start it in (made if missing)", ".")
    .option("--organisation <name>", "who is being assessed")
    .option(
      "--section <id:name>",
      'a part of the organisation, e.g. "it:IT Services" (repeatable; default: one section, main)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option("--visit <date>", "the day of the assessor's visit, YYYY-MM-DD (default: six months from today)")
    .addOption(
      new Option("--kind <kind>", "what the coming visit is")
        .choices(["initial", "annual-review", "reassessment"])
        .default("initial"),
    )
    .option(
      "--ci-package <spec>",
      "what the CI workflow installs (default: this version of cse-submission): a version or a tarball URL",
    )
    .addHelpText(
      "after",
      `
It never overwrites anything: if the folder already holds cse.yaml, criteria/,
evidence/, assessment/ or any other file it would write, it lists them and
changes nothing. An existing .gitignore is left as it is.

Examples:
  cse init northmoor --organisation "Northmoor Library" --visit 2027-03-09
  cse init --organisation "Northmoor University" --section "library:Library" \\
      --section "it:IT Services" --section "archives:Archives"
  cse init --kind annual-review --ci-package ./cse-submission-0.1.0.tgz

Exit status: 0 started, 2 the folder holds a submission's files, or bad usage.`,
    )
    .action((dir: string, opts) =>
      run(async (io) => (await import("../actions/init.js")).initAction(dir, opts, io)),
    );
};
