import { describe } from "../../inspect/details.js";
import { readSubmission } from "../../model/read-submission.js";
import type { Submission } from "../../model/types.js";
import { didYouMean } from "../../util/closest.js";
import { today } from "../../util/dates.js";
import { openTree, pickFormat, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { plural } from "../../util/plural.js";

/** Options of `cse show`. */
export interface ShowOptions extends SubmissionOptions {
  format?: string;
}

/** `cse show ID`: an element, evidence item, case study, criterion or sub-criterion. */
export async function showAction(id: string, opts: ShowOptions, io: Io): Promise<number> {
  const format = pickFormat(opts.format, ["text", "json"], "text");
  const root = resolveRoot(opts, io);
  const checked = readSubmission(openTree(root), { asOf: today() });
  const s = checked.submission;
  const details = describe(s, id.trim());
  if (!details) {
    const near =
      suggest(id.trim(), s) ||
      " cse list elements, cse list evidence and cse list case-studies list the ids.";
    throw new CliError(
      `there is no element, evidence item or case study with the id ${JSON.stringify(id)}.${near}`,
    );
  }
  if (checked.errorCount > 0)
    io.stderr.write(
      `Note: the submission has ${plural(checked.errorCount, "validation error")}; ` +
        "this shows what cse could read. Run cse validate.\n",
    );
  if (format === "json") {
    io.stdout.write(JSON.stringify(details, null, 2) + "\n");
  } else {
    const [{ formatDetailsText }, { labelsOf }] = await Promise.all([
      import("../../output/show-text.js"),
      import("../../output/labels.js"),
    ]);
    io.stdout.write(formatDetailsText(details, labelsOf(s)));
  }
  return EXIT.OK;
}

/**
 * The nearest elements, evidence items and case studies; criteria and sub-criteria only for an
 * id shaped like one ("4", "4.3"), since their one- and two-character ids are near everything.
 */
function suggest(id: string, s: Submission): string {
  const items = [
    ...s.elements.map((e) => e.id),
    ...s.evidence.map((e) => e.id),
    ...s.caseStudies.map((c) => c.id),
  ];
  const near = didYouMean(id, new Set(items));
  if (near || !/^\d+(\.\d+)?$/.test(id)) return near;
  return didYouMean(
    id,
    s.standard.criteria.flatMap((c) => [c.id, ...c.subcriteria.map((x) => x.id)]),
  );
}
