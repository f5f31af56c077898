import fs from "node:fs";
import path from "node:path";
import { readSubmission } from "../../model/read-submission.js";
import { formatImportJson, formatImportText } from "../../output/import-text.js";
import { importSheets } from "../../sheets/import-sheets.js";
import { SheetRefusedError } from "../../sheets/raw-sheet.js";
import { readBook } from "../../sheets/read-book.js";
import { SHEET_NAMES, sheetNamed } from "../../sheets/sheet-layout.js";
import { resolveWriteTarget } from "../../sheets/write-target.js";
import { writeFilesAtomically } from "../../util/atomic-write.js";
import { plural } from "../../util/plural.js";
import { openTree, pickFormat, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { buildDateFrom } from "./build.js";

/** Options of `cse import`. */
export interface ImportCliOptions extends SubmissionOptions {
  sheet?: string;
  dryRun?: boolean;
  format?: string;
}

/** `cse import FILE`: the sheet's rows into the YAML files, all or nothing; 1 when any row has a problem. */
export async function importAction(file: string, opts: ImportCliOptions, io: Io): Promise<number> {
  const format = pickFormat(opts.format, ["text", "json"], "text");
  const sheet = opts.sheet === undefined ? undefined : sheetNamed(opts.sheet);
  if (opts.sheet !== undefined && sheet === undefined)
    throw new CliError(`--sheet takes one of ${SHEET_NAMES.join(", ")}, not "${opts.sheet}"`);
  const source = path.resolve(io.cwd, file);
  const root = resolveRoot(opts, io);
  const today = buildDateFrom(io.env);
  const checked = readSubmission(openTree(root), { asOf: today });
  if (checked.submission.elements.length === 0)
    throw new CliError("the standard has no elements cse can read; run cse validate to see why");
  let book;
  try {
    book = await readBook(source, sheet ?? "Evidence");
  } catch (err) {
    if (err instanceof SheetRefusedError) throw new CliError(`cannot import ${file}: ${err.message}`);
    throw err;
  }
  const { report, writes } = importSheets(book, checked.submission, {
    sheet,
    dryRun: opts.dryRun === true,
    today,
    sourceName: path.basename(source),
  });
  if (!opts.dryRun && writes.size > 0) writeAll(root, writes);
  io.stdout.write(format === "json" ? formatImportJson(report) : formatImportText(report, file));
  if (report.problems.length > 0) return EXIT.FINDINGS;
  if (checked.errorCount > 0 && format === "text")
    io.stderr.write(
      `cse import: the submission had ${plural(checked.errorCount, "error")} before this import` +
        "; cse validate shows them\n",
    );
  return EXIT.OK;
}

/** Writes every file or none: folders made for new files are removed again when the write fails. */
function writeAll(root: string, writes: Map<string, string>): void {
  const made: string[] = [];
  try {
    const files = [...writes].map(([rel, content]) => ({ path: resolveWriteTarget(root, rel), content }));
    for (const f of files) {
      const dir = path.dirname(f.path);
      const first = fs.mkdirSync(dir, { recursive: true });
      if (first) made.push(first);
    }
    writeFilesAtomically(files);
  } catch (err) {
    for (const dir of made.reverse()) fs.rmSync(dir, { recursive: true, force: true });
    throw new CliError(`could not write the imported files (${(err as Error).message}); nothing was changed`);
  }
}
