import path from "node:path";
import { readSubmission } from "../../model/read-submission.js";
import { exportTables } from "../../sheets/export-tables.js";
import { SHEET_NAMES, sheetNamed } from "../../sheets/sheet-layout.js";
import { writeCsv } from "../../sheets/write-csv.js";
import { writeFailureReason, writeOutputFile } from "../../util/write-inside-root.js";
import { plural } from "../../util/plural.js";
import { openTree, parseAsOf, pickFormat, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { buildDateFrom } from "./build.js";

/** Options of `cse export`. */
export interface ExportOptions extends SubmissionOptions {
  out?: string;
  format?: string;
  sheet?: string;
  asOf?: string;
}

/** `cse export`: the submission as a workbook (or one sheet as CSV), for people to read and filter. */
export async function exportAction(opts: ExportOptions, io: Io): Promise<number> {
  const format = pickFormat(opts.format, ["xlsx", "csv"], "xlsx");
  const sheet = opts.sheet === undefined ? "Evidence" : sheetNamed(opts.sheet);
  if (sheet === undefined)
    throw new CliError(`--sheet takes one of ${SHEET_NAMES.join(", ")}, not "${opts.sheet}"`);
  if (opts.sheet !== undefined && format !== "csv")
    throw new CliError("--sheet is for --format csv; a workbook holds every sheet");
  const made = buildDateFrom(io.env);
  const asOf = opts.asOf !== undefined ? parseAsOf(opts.asOf) : made;
  const tree = openTree(resolveRoot(opts, io), opts.ref);
  const checked = readSubmission(tree, { asOf });
  const tables = exportTables(checked.submission, asOf);
  const bytes =
    format === "csv"
      ? writeCsv(tables.find((t) => t.name === sheet)!)
      : await (await import("../../sheets/write-xlsx.js")).writeXlsx(tables, new Date(`${made}T00:00:00Z`));
  if (opts.out === "-") {
    if (format !== "csv") throw new CliError("--out - writes to the terminal, which only CSV can go to");
    io.stdout.write(bytes as string);
  } else {
    const target = outputFile(opts, format, sheet, tree.root, checked.submission.config.build.output, io);
    try {
      writeOutputFile(tree.root, target, bytes, opts.out !== undefined);
    } catch (err) {
      throw new CliError(`could not write ${target} (${writeFailureReason(err)})`);
    }
    io.stdout.write(`${shownPath(target, io.cwd)}\n`);
  }
  if (checked.errorCount > 0) io.stderr.write(readWhatCould(checked.errorCount));
  return EXIT.OK;
}

/** --out (relative to the current folder), else `<build.output>/submission.xlsx` or `submission-<sheet>.csv`. */
function outputFile(
  opts: ExportOptions,
  format: string,
  sheet: string,
  root: string,
  output: string,
  io: Io,
): string {
  if (opts.out !== undefined) return path.resolve(io.cwd, opts.out);
  const name =
    format === "csv" ? `submission-${sheet.toLowerCase().replace(/[^a-z]+/g, "-")}.csv` : "submission.xlsx";
  const target = path.resolve(root, output, name);
  if (!target.startsWith(path.resolve(root) + path.sep))
    throw new CliError(
      `build.output "${output}" leads outside the submission's root; keep it inside (e.g. out), or pass --out`,
    );
  return target;
}

/** A path relative to the current folder when it is inside it, else absolute. */
function shownPath(target: string, cwd: string): string {
  const rel = path.relative(cwd, target);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : target;
}

function readWhatCould(errors: number): string {
  const shows = "the sheets show what cse could read (cse validate shows every problem)";
  return `cse export: the submission has ${plural(errors, "error")}; ${shows}\n`;
}
