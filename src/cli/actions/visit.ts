import { readSubmission } from "../../model/read-submission.js";
import { YamlSplicer } from "../../scaffold/yaml-splice.js";
import { yamlQuoted, yamlString } from "../../scaffold/yaml-text.js";
import { isCalendarDate, today } from "../../util/dates.js";
import { openTree, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { requireKnown } from "../lookup.js";
import { KINDS } from "./finding.js";
import { readSubmissionFile, writeSubmissionFile } from "./write-submission-file.js";

/** Options of `cse visit next`. */
export interface VisitOptions extends SubmissionOptions {
  date?: string;
  kind?: string;
  assessor?: string;
  evidenceDue?: string;
  scope?: string[];
}

/**
 * `cse visit next`: moves cse.yaml's `assessment` to the next visit. The date and kind change;
 * the last visit's `scope` and `evidence_due` are removed unless new ones are given (they were
 * about that visit); everything else in cse.yaml stays exactly as written.
 */
export async function visitAction(action: string, opts: VisitOptions, io: Io): Promise<number> {
  if (action !== "next") throw new CliError(`cse visit takes next, not "${action}"`);
  const date = requireDate("--date", opts.date);
  requireKnown("kind of assessment", "--kind", opts.kind ?? "", KINDS);
  const due = opts.evidenceDue === undefined ? undefined : requireDate("--evidence-due", opts.evidenceDue);
  if (due !== undefined && due > date)
    throw new CliError(`--evidence-due ${due} is after the visit on ${date}`);
  const root = resolveRoot(opts, io);
  const { submission: s } = readSubmission(openTree(root), { asOf: today() });
  const old = s.config.assessment;
  if (old.date !== null && date <= old.date)
    throw new CliError(
      `--date ${date} is not after the visit cse.yaml holds now (${old.date}); give the next visit's day`,
    );
  const edit = new YamlSplicer(readSubmissionFile(root, "cse.yaml"));
  if (!edit.ok || !edit.pair([], "assessment"))
    throw new CliError(
      "cse.yaml cannot be read or has no assessment: mend it first (cse validate shows where)",
    );
  setField(edit, "date", date);
  setField(edit, "kind", opts.kind!);
  if (opts.assessor !== undefined) setField(edit, "assessor", yamlString(opts.assessor));
  const removed = [
    ...replaceOrRemove(edit, "scope", opts.scope && `[${opts.scope.map(yamlQuoted).join(", ")}]`),
    ...replaceOrRemove(edit, "evidence_due", due),
  ];
  writeSubmissionFile(root, "cse.yaml", edit.result());
  io.stdout.write(`cse.yaml now holds the next visit: ${opts.kind} on ${date}.\n`);
  if (removed.length)
    io.stdout.write(
      `Removed ${removed.join(" and ")}, which belonged to the last visit; set new ones when you know them.\n`,
    );
  if (old.date !== null && !s.findings.some((f) => f.date === old.date))
    io.stderr.write(
      `No finding is recorded for the last visit (${old.date}); record it with\n` +
        `cse finding new --date ${old.date} --kind ${old.kind}\n`,
    );
  return EXIT.OK;
}

function requireDate(flag: string, value: string | undefined): string {
  if (value === undefined) throw new CliError(`${flag} is needed: the day, written YYYY-MM-DD`);
  if (!isCalendarDate(value))
    throw new CliError(`${flag} takes a date written YYYY-MM-DD that exists on the calendar, not "${value}"`);
  return value;
}

/** Sets `assessment.<key>` in place, or adds it under the visit's date. */
function setField(edit: YamlSplicer, key: string, yamlText: string): void {
  const pair = edit.pair(["assessment"], key);
  if (pair?.value) return edit.replaceScalar(pair.value, yamlText);
  const anchor = edit.pair(["assessment"], "date") ?? edit.pair(["assessment"], "kind");
  const keyNode = anchor?.key;
  if (!keyNode?.range) throw new CliError("cse.yaml's assessment is not a mapping of fields; mend it first");
  const indent = " ".repeat(edit.column(keyNode.range[0]));
  edit.insertLinesAfter(anchor!.value?.range?.[0] ?? keyNode.range[0], [`${indent}${key}: ${yamlText}`]);
}

/** Replaces `assessment.<key>` when a new value is given, else removes it; returns what was removed. */
function replaceOrRemove(edit: YamlSplicer, key: string, yamlText: string | undefined): string[] {
  const pair = edit.pair(["assessment"], key);
  if (yamlText !== undefined) {
    setField(edit, key, yamlText);
    return [];
  }
  if (!pair) return [];
  edit.removePair(pair);
  return [`assessment.${key}`];
}
