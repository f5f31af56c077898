import { Option } from "commander";
import type { CommandDef } from "./command-def.js";
import { dirOption } from "./shared-options.js";

/** `cse show ID`. */
export const showCommand: CommandDef = (program, run) => {
  program
    .command("show")
    .description(
      "show an element (what it asks, its self-assessment, what cites it), an evidence item or a case study",
    )
    .argument("<id>", "an element, evidence item, case study, criterion or sub-criterion id")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addOption(dirOption())
    .addHelpText(
      "after",
      `
Examples:
  cse show 4.3.2     what it asks, our rating and statement, what cites it
  cse show E042      an evidence item: its fields, the elements it supports
  cse show CS03      a case study: its elements and the evidence behind it
  cse show 1.2       a sub-criterion and its elements
  cse show 4.3.2 --format json

Exit status: 0 shown, 2 no such id (with the nearest ids) or a usage error.`,
    )
    .action((id: string, opts) =>
      run(async (io) => (await import("../actions/show.js")).showAction(id, opts, io)),
    );
};
