import { analyseCoverage } from "../../analyse/analyse-coverage.js";
import { GAP_CODES, isGapCode, type GapCode } from "../../analyse/gap-codes.js";
import type { GapsFilter } from "../../analyse/gaps-filter.js";
import { scopeIds, visitScope } from "../../analyse/visit-scope.js";
import { lastChangedOfItems } from "../../git/last-changed.js";
import type { Submission } from "../../model/types.js";
import { printBlockingErrors } from "../print-errors.js";
import { GAPS_FORMATS } from "../../output/gaps-formats.js";
import { didYouMean } from "../../util/closest.js";
import { openTree, parseAsOf, pickFormat, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import { useColor, type Io } from "../io.js";
import { inNumber, oneOrCount } from "../../util/plural.js";
import { readSubmissionWithCache, type CacheOptions } from "../cache-file.js";

/** Options of `cse gaps`. */
export interface GapsOptions extends SubmissionOptions, CacheOptions {
  format?: string;
  asOf?: string;
  criterion?: string;
  owner?: string;
  section?: string;
  only?: string;
  failOn?: string;
  /** (v2) `--scope visit`. */
  scope?: string;
  color?: boolean;
  all?: boolean;
}

/** `cse gaps`: the coverage and gaps of every element; 1 when a gap named by --fail-on is listed. */
export async function gapsAction(opts: GapsOptions, io: Io): Promise<number> {
  const format = pickFormat(opts.format, Object.keys(GAPS_FORMATS), "table");
  const asOf = parseAsOf(opts.asOf);
  const only = opts.only === undefined ? undefined : parseGapCodes(opts.only, "--only");
  const failOn = opts.failOn === undefined ? undefined : parseGapCodes(opts.failOn, "--fail-on");
  const tree = openTree(resolveRoot(opts, io), opts.ref);
  const checked = readSubmissionWithCache(
    tree,
    { asOf, cache: opts.cache, cacheLocation: opts.cacheLocation },
    io,
  );
  if (checked.errorCount > 0) {
    // A report computed from broken data would mislead (a misspelt element id looks like a gap).
    const errorCount = printBlockingErrors(tree.root, checked.diagnostics, io, opts.color);
    io.stderr.write(
      `cse gaps: the submission has ${oneOrCount(errorCount, "an error", "errors")}; ` +
        `fix ${inNumber(errorCount, "it", "them")} first (cse validate shows every problem)\n`,
    );
    return EXIT.FINDINGS;
  }
  const s = checked.submission;
  const filter: GapsFilter = { ...checkFilters(opts, s), ...(only ? { only } : {}), ...scopeFilter(opts, s) };
  const filterLabels = (["scope", "criterion", "owner", "section", "only"] as const)
    .filter((k) => opts[k] !== undefined)
    .map((k) => `--${k} ${k === "only" ? only!.join(",") : opts[k]}`);
  const report = analyseCoverage(s, { asOf, filter, filterLabels });
  // Only the JSON shows last-changed dates, so only it pays for the pass over git history.
  // Outside git there is no history to speak of, and the JSON stays exactly FORMAT.md's shape.
  if (format === "json") {
    const history = lastChangedOfItems(s);
    if (history.known || history.reason !== "not-a-repository") report.lastChanged = history;
  }
  const reporter = await GAPS_FORMATS[format]!();
  io.stdout.write(
    reporter(report, { color: useColor(io.stdout, io.env, opts.color), all: opts.all === true }),
  );
  if (!failOn) return EXIT.OK;
  const failing = failOn.filter((code) => (report.summary.byCode[code] ?? 0) > 0);
  if (failing.length === 0) return EXIT.OK;
  io.stderr.write(
    `cse gaps: failing on ${failing.map((code) => `${code} (${report.summary.byCode[code]})`).join(", ")}\n`,
  );
  return EXIT.FINDINGS;
}

/** A comma-separated list of gap codes, each checked; an unknown one is a usage error that lists them all. */
export function parseGapCodes(value: string, flag: string): GapCode[] {
  const words = value
    .split(",")
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 0)
    throw new CliError(`${flag} takes one or more gap codes, comma-separated: ${GAP_CODES.join(", ")}`);
  const codes: GapCode[] = [];
  for (const w of words) {
    if (!isGapCode(w))
      throw new CliError(
        `${flag}: "${w}" is not a gap code.${didYouMean(w, GAP_CODES)} The codes are: ${GAP_CODES.join(", ")}`,
      );
    if (!codes.includes(w)) codes.push(w);
  }
  return codes;
}

/** `--scope visit`: only the elements of the coming visit's scope. */
function scopeFilter(opts: GapsOptions, s: Submission): GapsFilter {
  if (opts.scope === undefined) return {};
  return { scope: scopeIds(visitScope(s)) };
}

/** --criterion, --owner and --section checked against the submission, so a typo is not an empty report. */
function checkFilters(opts: GapsOptions, s: Submission): GapsFilter {
  const filter: GapsFilter = {};
  if (opts.criterion !== undefined) {
    const ids = s.standard.criteria.flatMap((c) => [c.id, ...c.subcriteria.map((sc) => sc.id)]);
    if (!ids.includes(opts.criterion)) {
      throw new CliError(
        `--criterion: "${opts.criterion}" is not a criterion or sub-criterion of the standard.` +
          `${opts.criterion.length >= 3 ? didYouMean(opts.criterion, ids) : ""} ` +
          `The criteria are: ${s.standard.criteria.map((c) => c.id).join(", ")}`,
      );
    }
    filter.criterion = opts.criterion;
  }
  if (opts.owner !== undefined) {
    const ids = s.config.people.map((p) => p.id);
    if (!ids.includes(opts.owner))
      throw new CliError(
        `--owner: "${opts.owner}" is not a person in cse.yaml.${didYouMean(opts.owner, ids)}` +
          (ids.length ? ` The people are: ${ids.join(", ")}` : " cse.yaml lists no people."),
      );
    filter.owner = opts.owner;
  }
  if (opts.section !== undefined) {
    const ids = s.config.sections.map((x) => x.id);
    if (!ids.includes(opts.section))
      throw new CliError(
        `--section: "${opts.section}" is not a section in cse.yaml.${didYouMean(opts.section, ids)} ` +
          `The sections are: ${ids.join(", ")}`,
      );
    filter.section = opts.section;
  }
  return filter;
}
