import { Option } from "commander";
import type { CommandDef } from "./command-def.js";
import { cacheLocationOption, cacheOption, dirOption, refOption } from "./shared-options.js";

/** `cse build`. */
export const buildCommand: CommandDef = (program, run) => {
  program
    .command("build")
    .description(
      "build the submission pack (HTML, PDF, Word, zip bundle) from a submission without validation errors",
    )
    .option("--out <dir>", "folder to write the pack to (default: build.output in cse.yaml, else out)")
    .option(
      "--format <formats>",
      "write these formats, comma-separated: html, pdf, docx, zip (default: build.formats in cse.yaml)",
    )
    .addOption(
      new Option(
        "--scope <scope>",
        "visit: a pack of the coming visit's scope only, saying why each element is in it",
      ).choices(["visit"]),
    )
    .addOption(
      new Option(
        "--split <how>",
        "criterion: volumes in out/submission-volumes/, one per criterion, with a contents volume " +
          "(default: build.split in cse.yaml, else none: one file)",
      ).choices(["none", "criterion"]),
    )
    .option("--include-drafts", "put draft evidence and case studies in, marked Draft (a working copy)")
    .option("--attach", "embed every attachment in the PDF as a file attachment, listed with its SHA-256")
    .option(
      "--as-of <date>",
      "judge dates (overdue actions, future dates) as of this day, YYYY-MM-DD (default: the build date)",
    )
    .option(
      "--fail-on <codes>",
      "refuse to build (exit 1) while any element has one of these gap codes, comma-separated (as cse gaps)",
    )
    .addOption(dirOption())
    .addOption(cacheOption())
    .addOption(cacheLocationOption())
    .addOption(refOption("build from the submission"))
    .option(
      "--since <rev>",
      'add a section "Changes since REV": what changed from that revision (as cse diff REV shows)',
    )
    .addHelpText(
      "after",
      `
Examples:
  cse build                          out/submission.html and out/submission.pdf
  cse build --format html --out pack
  cse build --include-drafts         a working copy with drafts, for review
  cse build --format pdf --attach    one PDF carrying every attached file
  cse build --fail-on no-evidence,stale-evidence
                         refuses while an element has no or only stale evidence
  cse build --format docx            out/submission.docx, to edit in Word
  cse build --format pdf --split criterion
                         out/submission-volumes/: 00-contents.pdf, then one
                         PDF per criterion, the evidence index and so on
  cse build --format html,pdf,zip
                         the pack, and the evidence bundle: index.html, the PDF,
                         every attachment and manifest.csv
  cse build --since assessed-2014
                         adds "Changes since assessed-2014" (annual review)
  cse build --ref assessed-2015      the pack exactly as committed at that tag
  cse build --scope visit            the annual review's pack: the elements in
                         scope and why, and (in git) the changes since the
                         last visit
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) cse build
                         reproducible: same input, same bytes

The build date is taken from SOURCE_DATE_EPOCH when it is set, else today.
Before writing, the build lists on stderr the elements rated as meeting the
standard whose evidence is missing, thin or out of date.
Exit status: 0 built, 1 refused (validation errors, a gap named by --fail-on,
a broken template),
2 usage or fatal error.`,
    )
    .action((opts) => run(async (io) => (await import("../actions/build.js")).buildAction(opts, io)));
};
