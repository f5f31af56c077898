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

/** `cse validate`. */
export const validateCommand: CommandDef = (program, run) => {
  program
    .command("validate")
    .description("check every file against its JSON Schema and every cross-reference")
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "json", "github"]).default("text"),
    )
    .option("--as-of <date>", "judge dates as of this day, YYYY-MM-DD (default: today)")
    .option("--strict", "fail (exit 1) on warnings too")
    .addOption(dirOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .addOption(refOption())
    .addOption(colorOption())
    .addOption(noColorOption())
    .addHelpText(
      "after",
      `
Examples:
  cse validate                        check the submission you are in
  cse validate --format github        annotations for GitHub Actions
  cse validate --strict --as-of 2027-03-09
  cse validate --ref assessed-2014    the submission as committed at that tag

Exit status: 0 no errors, 1 errors (or warnings with --strict),
2 usage or fatal error.
`,
    )
    .action((opts) => run(async (io) => (await import("../actions/validate.js")).validateAction(opts, io)));
};
