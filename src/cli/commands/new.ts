import { Argument } from "commander";
import { collectList } from "../lookup.js";
import type { CommandDef } from "./command-def.js";
import { dirOption } from "./shared-options.js";

/** `cse new evidence|case-study`. */
export const newCommand: CommandDef = (program, run) => {
  program
    .command("new")
    .description(
      "start a new evidence item, case study or service standard with the next free id, and print its path",
    )
    .addArgument(
      new Argument("<kind>", "what to start").choices(["evidence", "case-study", "service-standard"]),
    )
    .requiredOption("--title <text>", "its title")
    .requiredOption(
      "--elements <ids>",
      "element ids it demonstrates, comma-separated (repeatable)",
      collectList,
    )
    .option(
      "--type <type>",
      "evidence only: policy, procedure, plan, report, survey, data, minutes, " +
        "web-page, publication, training, photo, correspondence or other (default: other)",
    )
    .option("--owner <person>", "the person id (from cse.yaml) who owns it")
    .option(
      "--section <ids>",
      "section ids it concerns, comma-separated (repeatable; default: the whole organisation)",
      collectList,
    )
    .option(
      "--evidence <ids>",
      "case studies only: evidence item ids that back the story (repeatable)",
      collectList,
    )
    .option("--target <value>", "service standards: the figure to meet, e.g. 90")
    .option("--unit <unit>", "service standards: percent, days, hours, minutes or count (default: percent)")
    .option("--direction <direction>", "service standards: at-least or at-most (default: at-least)")
    .option(
      "--period <period>",
      "service standards: month, quarter or year: how often a result is recorded (default: month)",
    )
    .option("--id <id>", "service standards: the id (default: the next SS-<SECTION>-n)")
    .option("--date <date>", "when it was produced or last reviewed, YYYY-MM-DD (default: today)")
    .option(
      "--ready",
      "write status: ready instead of draft (only when you will fill in the text straight away)",
    )
    .addOption(dirOption())
    .addHelpText(
      "after",
      `
The file gets the next free id (E065 after E064, CS09 after CS08), the schema
line for your editor and every required field. Its text says TODO and it is
marked status: draft: validate checks it, but gaps and the pack leave it out
until you set status: ready.

Examples:
  cse new evidence --title "Complaints procedure" --elements 4.3.2 \\
      --type procedure
  cse new evidence --title "Library survey 2026" --elements 1.3.1,1.3.2 \\
      --type survey --owner lowri-hughes --section library --date 2026-05-01
  cse new case-study --title "Learning from complaints" \\
      --elements 4.3.2,5.2.3 --evidence E008
  code "$(cse new evidence --title "Charter" --elements 5.1.1)"  open in VS Code
  cse new service-standard --title "We answer the phone within 30 seconds" \\
      --elements 5.1.1,5.3.2 --target 90 --section it --owner tom-nakamura

Exit status: 0 written, 2 usage error (unknown element, person, section, type).`,
    )
    .action((kind: string, opts) =>
      run(async (io) => (await import("../actions/new.js")).newAction(kind, opts, io)),
    );
};
