import { Argument, Option } from "commander";
import type { CommandDef } from "./command-def.js";
import { dirOption } from "./shared-options.js";

/** `cse list elements|evidence|case-studies`. */
export const listCommand: CommandDef = (program, run) => {
  program
    .command("list")
    .description("list the elements of the standard, the evidence items or the case studies")
    .addArgument(new Argument("<what>", "what to list").choices(["elements", "evidence", "case-studies"]))
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--element <id>", "evidence and case studies: those that name this element")
    .option(
      "--criterion <id>",
      "only this criterion or sub-criterion (items: those naming one of its elements)",
    )
    .option(
      "--owner <person>",
      "elements: owned by this person in the self-assessment; items: owned by this person",
    )
    .option("--section <id>", "evidence and case studies: those that name this section")
    .option("--type <type>", "evidence: only this type (policy, survey, minutes, ...)")
    .addOption(
      new Option("--status <status>", "evidence and case studies: only ready items, or only drafts").choices([
        "ready",
        "draft",
      ]),
    )
    .addOption(dirOption())
    .addHelpText(
      "after",
      `
Examples:
  cse list elements --criterion 4      criterion 4's elements and citations
  cse list evidence --element 4.3.2    what cites element 4.3.2?
  cse list evidence --status draft     evidence still being written
  cse list case-studies --owner lowri-hughes
  cse list evidence --format json      every field, for other tools

Text fits 80 columns and cuts long titles; --format json has every field.
Exit status: 0 listed (even when nothing matches), 2 usage error.`,
    )
    .action((what: string, opts) =>
      run(async (io) => (await import("../actions/list.js")).listAction(what, opts, io)),
    );
};
