import { isMap, type Node as YamlNode, type YAMLMap, type YAMLSeq } from "yaml";
import { meetsTarget } from "../../analyse/service-standing.js";
import { figure, targetText } from "../../analyse/service-todos.js";
import {
  latestCompletePeriod,
  parsePeriod,
  periodName,
  periodOrdinal,
  periodText,
  type Period,
} from "../../model/periods.js";
import { readSubmission } from "../../model/read-submission.js";
import type { ServiceStandard } from "../../model/types.js";
import { isBlockSeq, YamlSplicer } from "../../scaffold/yaml-splice.js";
import { yamlString } from "../../scaffold/yaml-text.js";
import { openTree, parseAsOf, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { requireKnown } from "../lookup.js";
import { readSubmissionFile, writeSubmissionFile } from "./write-submission-file.js";

/** Options of `cse record`. */
export interface RecordOptions extends SubmissionOptions {
  note?: string;
  replace?: boolean;
  asOf?: string;
}

const EXAMPLE = { month: "2026-11", quarter: "2026-Q3", year: "2026" } as const;

/** `cse record STANDARD PERIOD VALUE`: adds (or with --replace, changes) one result of a service standard. */
export async function recordAction(
  id: string,
  periodArg: string,
  valueArg: string,
  opts: RecordOptions,
  io: Io,
) {
  const asOf = parseAsOf(opts.asOf);
  const root = resolveRoot(opts, io);
  const { submission: s } = readSubmission(openTree(root), { asOf });
  const ids = s.serviceStandards.map((x) => x.id);
  if (ids.length === 0)
    throw new CliError("there are no service standards yet; start one with cse new service-standard");
  requireKnown("service standard", "the standard", id, ids);
  const ss = s.serviceStandards.find((x) => x.id === id)!;
  if (!ss.period || !ss.target)
    throw new CliError(`${ss.src.file} has problems cse must see mended first; run cse validate`);
  const period = checkPeriod(periodArg, ss, asOf);
  const value = parseValue(valueArg);
  const edit = new YamlSplicer(readSubmissionFile(root, ss.src.file));
  if (!edit.ok) throw new CliError(`${ss.src.file} is not well-formed YAML; run cse validate to see where`);
  const replaced = applyResult(edit, ss, period, value, opts);
  writeSubmissionFile(root, ss.src.file, edit.result());
  io.stdout.write(`${recordedText(replaced, ss, period, value)}\n${ss.src.file}\n`);
  return EXIT.OK;
}

/** "Recorded SS-IT-1 for November 2026: 93.4%, which meets the target (at least 90%)." */
function recordedText(replaced: boolean, ss: ServiceStandard, period: Period, value: number): string {
  const target = ss.target!;
  const verdict = meetsTarget(target, value) ? "meets" : "misses";
  const what = `${ss.id} for ${periodName(period)}: ${figure(target, value)}`;
  return `${replaced ? "Changed" : "Recorded"} ${what}, which ${verdict} the target (${targetText(target)}).`;
}

function checkPeriod(text: string, ss: ServiceStandard, asOf: string): Period {
  const kind = ss.period!;
  const p = parsePeriod(text);
  if (!p || p.kind !== kind)
    throw new CliError(
      `"${text}" is not a ${kind}: ${ss.id} records one result a ${kind}, written like ${EXAMPLE[kind]}`,
    );
  if (periodOrdinal(p) > periodOrdinal(latestCompletePeriod(kind, asOf)))
    throw new CliError(
      `${periodName(p)} has not ended yet (today is ${asOf}); record its result once it is over`,
    );
  return p;
}

function parseValue(text: string): number {
  const n = Number(text.trim().replace(/%$/, ""));
  if (text.trim() === "" || !Number.isFinite(n))
    throw new CliError(`"${text}" is not a number; give the result as a number, such as 93.4`);
  return n;
}

/** Edits the file's text; true when an existing result was replaced. */
function applyResult(
  edit: YamlSplicer,
  ss: ServiceStandard,
  period: Period,
  value: number,
  opts: RecordOptions,
) {
  const existing = ss.results.find((r) => parsePeriod(r.period) && r.period === periodText(period));
  const fields = [`period: "${periodText(period)}"`, `value: ${value}`];
  if (opts.note !== undefined) fields.push(`note: ${yamlString(opts.note)}`);
  if (existing) {
    if (!opts.replace)
      throw new CliError(
        `${ss.id} already has ${existing.value} for ${periodName(period)}; add --replace to change it`,
      );
    const item = edit.node(["results", existing.path[1] as number]);
    if (isMap(item) && item.flow) {
      const written = edit.text.slice(item.range![0], item.range![1]);
      edit.replaceScalar(item, flowMap(fields, written));
    } else if (opts.note !== undefined)
      throw new CliError(
        `--note with --replace works on results written on one line; edit ${ss.src.file} by hand`,
      );
    else edit.replaceScalar((item as YAMLMap).get("value", true) as YamlNode, String(value));
    return true;
  }
  const seq = edit.node(["results"]);
  if (isBlockSeq(seq)) insertInOrder(edit, seq as YAMLSeq<YamlNode>, period, fields);
  else {
    const pair = edit.pair([], "results");
    const lines = ["results:", `  - { ${fields.join(", ")} }`];
    if (pair) edit.removePair(pair);
    edit.insertLinesBefore(edit.text.length, lines);
  }
  return false;
}

/** Adds the result before the first later period, or after the last, in the style of its neighbour. */
function insertInOrder(edit: YamlSplicer, seq: YAMLSeq<YamlNode>, period: Period, fields: string[]): void {
  const items = seq.items;
  const later = items.findIndex((item) => {
    const p = parsePeriod(String((isMap(item) ? item.get("period") : "") ?? ""));
    return p !== null && p.kind === period.kind && periodOrdinal(p) > periodOrdinal(period);
  });
  const neighbour = items[later === -1 ? items.length - 1 : later]!;
  const indent = " ".repeat(edit.column(seq.range![0]));
  const lines =
    isMap(neighbour) && !neighbour.flow
      ? [`${indent}- ${fields[0]}`, ...fields.slice(1).map((f) => `${indent}  ${f}`)]
      : [`${indent}- ${flowMap(fields, edit.text.slice(neighbour.range![0], neighbour.range![1]))}`];
  if (later === -1) edit.insertLinesAfter(neighbour.range![1] - 1, lines);
  else edit.insertLinesBefore(neighbour.range![0], lines);
}

/** `{ a, b }` or `{a, b}`, spaced as the neighbouring item is. */
function flowMap(fields: string[], like: string): string {
  return /^\{\s/.test(like) || like === "" ? `{ ${fields.join(", ")} }` : `{${fields.join(", ")}}`;
}
