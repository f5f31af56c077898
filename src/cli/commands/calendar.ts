import type { CommandDef } from "./command-def.js";
import { dirOption } from "./shared-options.js";

/** `cse calendar`. */
export const calendarCommand: CommandDef = (program, run) => {
  program
    .command("calendar")
    .description("write the visit, the evidence due day and open actions' due days as a calendar file")
    .option("--out <file>", "the file to write (default: submission.ics in build.output, else out)")
    .addOption(dirOption())
    .addHelpText(
      "after",
      `
Writes an iCalendar (.ics) file that Outlook, Google Calendar and Thunderbird
import: the visit day, assessment.evidence_due, and the due day of every action
not done. Import it again after a date moves: each event keeps its identity,
so the calendar updates it instead of adding a second one.

Examples:
  cse calendar                        out/submission.ics
  cse calendar --out ~/cse-visit.ics

Exit status: 0 written, 1 the submission has errors, 2 usage or fatal error.`,
    )
    .action((opts) => run(async (io) => (await import("../actions/calendar.js")).calendarAction(opts, io)));
};
