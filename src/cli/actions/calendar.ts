import path from "node:path";
import { calendarEvents } from "../../analyse/calendar-events.js";
import { readSubmission } from "../../model/read-submission.js";
import { formatICalendar } from "../../output/icalendar.js";
import { writeFailureReason, writeOutputFile } from "../../util/write-inside-root.js";
import { today } from "../../util/dates.js";
import { openTree, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";

/** Options of `cse calendar`. */
export interface CalendarOptions extends SubmissionOptions {
  out?: string;
}

/** `cse calendar`: the visit, the evidence due day and open actions' due days as an .ics file. */
export async function calendarAction(opts: CalendarOptions, io: Io): Promise<number> {
  const now = stampOf(io.env);
  const root = resolveRoot(opts, io);
  const checked = readSubmission(openTree(root), { asOf: today() });
  if (checked.errorCount > 0) {
    io.stderr.write(
      "cse calendar: the submission has errors; mend them first (cse validate shows every problem)\n",
    );
    return EXIT.FINDINGS;
  }
  const s = checked.submission;
  const events = calendarEvents(s);
  const text = formatICalendar(events, {
    name: s.config.title,
    stamp: now.stamp,
    sequence: Math.max(0, Math.floor((now.ms - Date.UTC(2020, 0, 1)) / 86_400_000)),
  });
  const out = outFile(opts, root, s.config.build.output, io);
  try {
    writeOutputFile(root, out, text, opts.out !== undefined);
  } catch (err) {
    throw new CliError(`could not write ${out} (${writeFailureReason(err)})`);
  }
  const rel = path.relative(root, out);
  const shown = rel.startsWith("..") || path.isAbsolute(rel) ? out : rel.split(path.sep).join("/");
  io.stdout.write(`Wrote ${shown} (${events.length} ${events.length === 1 ? "event" : "events"})\n`);
  return EXIT.OK;
}

/** --out (relative to the current folder), else <build.output>/submission.ics inside the root. */
function outFile(opts: CalendarOptions, root: string, output: string, io: Io): string {
  if (opts.out !== undefined) return path.resolve(io.cwd, opts.out);
  const out = path.resolve(root, output, "submission.ics");
  const rel = path.relative(root, out);
  if (rel.startsWith("..") || path.isAbsolute(rel))
    throw new CliError(
      `build.output "${output}" leads outside the submission's root; pass --out to choose a file`,
    );
  return out;
}

/** The time the calendar is made: SOURCE_DATE_EPOCH when set (same input, same bytes), else now. */
function stampOf(env: Io["env"]): { stamp: string; ms: number } {
  const epoch = env.SOURCE_DATE_EPOCH;
  let ms = Date.now();
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d{1,12}$/.test(epoch.trim()))
      throw new CliError(
        `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not "${epoch}"`,
      );
    ms = Number(epoch.trim()) * 1000;
  }
  return {
    stamp: new Date(ms)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, ""),
    ms,
  };
}
