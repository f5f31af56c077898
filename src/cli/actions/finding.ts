import fs from "node:fs";
import path from "node:path";
import { visitScope } from "../../analyse/visit-scope.js";
import type { AssessmentKind } from "../../model/raw-types.js";
import { readSubmission } from "../../model/read-submission.js";
import type { Submission } from "../../model/types.js";
import { SCHEMA_FILES } from "../../schema/schemas.js";
import { findingYaml, type FindingStart } from "../../scaffold/finding-file.js";
import { isCalendarDate, today } from "../../util/dates.js";
import { openTree, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { requireKnown } from "../lookup.js";
import { writeSubmissionFile } from "./write-submission-file.js";

/** Options of `cse finding new`. */
export interface FindingOptions extends SubmissionOptions {
  date?: string;
  kind?: string;
  assessor?: string;
}

/** The kinds of assessment visit. */
export const KINDS = ["initial", "annual-review", "reassessment"];

/**
 * `cse finding new`: writes assessment/findings/<date>-<kind>.yaml listing every element in the
 * visit's scope with the self-rating as a starting point. The date, kind and assessor default to
 * cse.yaml's visit. Must be run before `cse visit next`, while cse.yaml still describes the visit.
 */
export async function findingAction(action: string, opts: FindingOptions, io: Io): Promise<number> {
  if (action !== "new") throw new CliError(`cse finding takes new, not "${action}"`);
  const root = resolveRoot(opts, io);
  const { submission: s, errorCount } = readSubmission(openTree(root), { asOf: today() });
  if (errorCount > 0)
    throw new CliError(
      "the submission has errors; mend them first (cse validate shows them), then record the finding",
    );
  const visit = s.config.assessment;
  const date = opts.date ?? visit.date;
  if (!date || !isCalendarDate(date))
    throw new CliError(
      `--date takes the visit's day written YYYY-MM-DD that exists on the calendar, not "${date}"`,
    );
  const kind = opts.kind ?? visit.kind ?? "";
  requireKnown("kind of assessment", "--kind", kind, KINDS);
  const file = `assessment/findings/${date}-${kind}.yaml`;
  if (fs.existsSync(path.join(root, file)))
    throw new CliError(`${file} already exists; cse never overwrites a finding`);
  const text = findingYaml({
    date,
    kind: kind as AssessmentKind,
    assessor: opts.assessor ?? visit.assessor,
    elements: startingRatings(s),
    schema: path.posix.relative("assessment/findings", `schemas/${SCHEMA_FILES.finding}`),
    ratings: s.standard.ratings.map((r) => r.id),
  });
  writeSubmissionFile(root, file, text);
  io.stdout.write(`${file}\n`);
  io.stderr.write(findingNextSteps(date, visit.date));
  return EXIT.OK;
}

/** Each element in scope with its self-rating, or the lowest rating that meets when it has none. */
function startingRatings(s: Submission): FindingStart[] {
  const fallback = [...s.standard.ratings].reverse().find((r) => r.meets) ?? s.standard.ratings[0];
  return visitScope(s).elements.map(({ id }) => {
    const self = s.selfAssessments.get(id)?.rating ?? null;
    return { element: id, rating: self ?? fallback?.id ?? "", selfRated: self !== null };
  });
}

function findingNextSteps(date: string, visitDate: string | null): string {
  const move =
    date === visitDate
      ? "\nThen set the next visit: cse visit next --date YYYY-MM-DD --kind annual-review\n"
      : "\n";
  const change = "Change each rating to the assessor's and copy their comments in; elements the";
  return `${change}\nassessor did not rate can be deleted.${move}`;
}
