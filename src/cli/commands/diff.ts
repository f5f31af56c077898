import { Option } from "commander";
import type { CommandDef } from "./command-def.js";
import { colorOption, noColorOption, dirOption } from "./shared-options.js";

/** `cse diff FROM [TO]`. */
export const diffCommand: CommandDef = (program, run) => {
  program
    .command("diff")
    .description(
      "show what changed in the submission between two git revisions (or a revision and the work tree)",
    )
    .argument("<from>", "the older revision: a tag, branch or commit")
    .argument("[to]", "the newer revision (default: the work tree, uncommitted changes included)")
    .addOption(
      new Option("--format <format>", "output format")
        .choices(["table", "markdown", "json"])
        .default("table"),
    )
    .option("--as-of <date>", "judge coverage and gaps of both as of this day, YYYY-MM-DD (default: today)")
    .addOption(dirOption())
    .addOption(colorOption())
    .addOption(noColorOption())
    .addHelpText(
      "after",
      `
Compares elements (coverage, gaps, self-rating, owner, statement), evidence
items and case studies (matched by id, so a moved file is not a removal),
findings and actions. Both sides are judged as of the same day, so only edits
show, not the passing of time.

Examples:
  cse diff assessed-2014                changes since last year's assessment
  cse diff assessed-2014 assessed-2015  between two tagged assessments
  cse diff HEAD~5 --format markdown > changes.md

Exit status: 0 done, 2 usage or fatal error (not a git repository, unknown
revision).
`,
    )
    .action((from: string, to: string | undefined, opts) =>
      run(async (io) => (await import("../actions/diff.js")).diffAction(from, to, opts, io)),
    );
};
