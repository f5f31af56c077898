import type { CommandDef } from "./command-def.js";
import { dirOption } from "./shared-options.js";

/** `cse assign PERSON [IDS...]`. */
export const assignCommand: CommandDef = (program, run) => {
  program
    .command("assign")
    .description("give many elements an owner at once, in the self-assessment files")
    .argument("<person>", "a person id from cse.yaml (or the person's name, as cse.yaml writes it)")
    .argument("[ids...]", "criteria, sub-criteria or elements, e.g. 1 2.3 4.3.2")
    .option("--unowned", "only elements with no owner yet; the others keep theirs")
    .option("--all", "every element of the standard (with --unowned: every element with no owner)")
    .option("--dry-run", "say what would change, and write nothing")
    .addOption(dirOption())
    .addHelpText(
      "after",
      `
Writes owner: lines into assessment/*.yaml; comments and everything else in
the files stay as they are. An element not yet in any file is added to the
file that holds its criterion (assessment/criterion-N.yaml).

Examples:
  cse assign jo-bloggs 1                    every element of criterion 1
  cse assign jo-bloggs 3.1 3.2 4.3.2        two sub-criteria and an element
  cse assign "Jo Bloggs" 2 --unowned        criterion 2's elements with no owner
  cse assign jo-bloggs --all --unowned      every element that has no owner
  cse assign jo-bloggs 5 --dry-run          what would change

Exit status: 0 done, 1 the submission has errors (fix them first),
2 an unknown person or id, or bad usage.`,
    )
    .action((person: string, ids: string[], opts) =>
      run(async (io) => (await import("../actions/assign.js")).assignAction(person, ids, opts, io)),
    );
};
