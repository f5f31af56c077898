import { inNumber, oneOrCount } from "../../util/plural.js";
import fs from "node:fs";
import path from "node:path";
import type { Submission } from "../../model/types.js";
import { readSubmission } from "../../model/read-submission.js";
import { formatAssignText } from "../../output/assign-text.js";
import { printBlockingErrors } from "../print-errors.js";
import { planOwners, type OwnerChange } from "../../scaffold/plan-owners.js";
import { newAssessmentFile, setOwners } from "../../scaffold/set-owners.js";
import { writeFailureReason, writeInsideRoot } from "../../util/write-inside-root.js";
import { didYouMean } from "../../util/closest.js";
import { today } from "../../util/dates.js";
import { openTree, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";

/** Options of `cse assign`. */
export interface AssignOptions extends SubmissionOptions {
  unowned?: boolean;
  all?: boolean;
  dryRun?: boolean;
}

/** `cse assign PERSON [IDS...]`: gives elements an owner in the self-assessment files, all or nothing. */
export async function assignAction(
  person: string,
  ids: string[],
  opts: AssignOptions,
  io: Io,
): Promise<number> {
  if (ids.length === 0 && !opts.all) throw new CliError(nothingNamedMessage(person));
  if (ids.length > 0 && opts.all) throw new CliError("give element ids or --all, not both");
  const tree = openTree(resolveRoot(opts, io));
  const checked = readSubmission(tree, { asOf: today() });
  if (checked.errorCount > 0) {
    // Writing into files cse cannot read properly could make things worse: mend them first.
    const errorCount = printBlockingErrors(tree.root, checked.diagnostics, io, undefined);
    io.stderr.write(`cse assign: ${refusedMessage(errorCount)}\n`);
    return EXIT.FINDINGS;
  }
  const s = checked.submission;
  const personId = findPerson(s, person);
  const elements = opts.all ? s.elements.map((e) => e.id) : selectElements(s, ids);
  const plan = planOwners(s, personId, elements, opts.unowned === true);
  if (!opts.dryRun && plan.changes.length > 0) writeChanges(tree.root, plan.changes, personId);
  io.stdout.write(
    formatAssignText(plan, {
      people: Object.fromEntries(s.config.people.map((p) => [p.id, p.name])),
      order: s.elements.map((e) => e.id),
      dryRun: opts.dryRun === true,
    }),
  );
  return EXIT.OK;
}

function nothingNamedMessage(person: string): string {
  const who = /\s/.test(person) ? JSON.stringify(person) : person;
  return (
    `say which elements to give ${person}: criteria, sub-criteria or elements (cse assign ${who} 1 2.3),` +
    ` or --all (with --unowned: every element that has no owner yet)`
  );
}

function refusedMessage(errors: number): string {
  return (
    `the submission has ${oneOrCount(errors, "an error", "errors")}, so no owner was written; ` +
    `fix ${inNumber(errors, "it", "them")} first`
  );
}

/** A person id, or a name as cse.yaml writes it (any case); otherwise a usage error with the nearest. */
function findPerson(s: Submission, given: string): string {
  const people = s.config.people;
  if (people.length === 0)
    throw new CliError(
      "cse.yaml lists no people yet. Add the owners there first, one under the other, for example:\n" +
        "  people:\n    - id: jo-bloggs\n      name: Jo Bloggs",
    );
  const byId = people.find((p) => p.id === given);
  if (byId) return byId.id;
  const byName = people.filter((p) => p.name.toLowerCase() === given.trim().toLowerCase());
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1)
    throw new CliError(
      severalNamedMessage(
        given,
        byName.map((p) => p.id),
      ),
    );
  const hint = nearestPerson(given, people);
  throw new CliError(
    `"${given}" is not a person in cse.yaml.${hint} The people are: ${people.map((p) => p.id).join(", ")}`,
  );
}

/** " Did you mean jo-bloggs?": a person whose id or name starts with what was given, else the nearest spelling. */
function nearestPerson(given: string, people: { id: string; name: string }[]): string {
  const start = given.trim().toLowerCase();
  const starting = people.filter(
    (p) => p.id.toLowerCase().startsWith(start) || p.name.toLowerCase().startsWith(start),
  );
  if (start && starting.length > 0 && starting.length <= 3)
    return ` Did you mean ${starting.map((p) => `\`${p.id}\``).join(" or ")}?`;
  return didYouMean(given, [...people.map((p) => p.id), ...people.map((p) => p.name)]);
}

/** The elements the ids name, in standard order, each once. */
function selectElements(s: Submission, ids: string[]): string[] {
  const wanted = new Set<string>();
  for (const id of ids) {
    const inside = s.elements.filter((e) => e.id === id || e.criterionId === id || e.subcriterionId === id);
    if (inside.length === 0) {
      const known = [
        ...s.standard.criteria.flatMap((c) => [c.id, ...c.subcriteria.map((sc) => sc.id)]),
        ...s.elements.map((e) => e.id),
      ];
      throw new CliError(
        unknownIdMessage(
          id,
          known,
          s.standard.criteria.map((c) => c.id),
        ),
      );
    }
    for (const e of inside) wanted.add(e.id);
  }
  return s.elements.map((e) => e.id).filter((id) => wanted.has(id));
}

function severalNamedMessage(name: string, ids: string[]): string {
  return `"${name}" is the name of several people in cse.yaml; give one of their ids: ${ids.join(", ")}`;
}

function unknownIdMessage(id: string, known: string[], criteria: string[]): string {
  // One or two characters are too short for a useful suggestion ("9" is as near 1 as 2).
  const hint = id.length >= 3 ? didYouMean(id, known) : "";
  const what = "is not a criterion, sub-criterion or element of the standard";
  return `"${id}" ${what}.${hint} The criteria are: ${criteria.join(", ")}`;
}

/** Every changed file written whole, all of them or none. */
function writeChanges(root: string, changes: OwnerChange[], person: string): void {
  const schemas = fs.existsSync(path.join(root, "schemas", "assessment.schema.json"));
  const files = [...new Set(changes.map((c) => c.file))].map((file) => {
    const owners = new Map(changes.filter((c) => c.file === file).map((c) => [c.element, person]));
    const abs = path.join(root, ...file.split("/"));
    const isNew = changes.some((c) => c.file === file && c.newFile);
    const content = isNew
      ? newAssessmentFile(owners, schemas ? "../schemas/assessment.schema.json" : null)
      : setOwners(fs.readFileSync(abs, "utf8"), owners);
    return { path: file, content };
  });
  try {
    // The one inside-the-root rule of every writing command: folders resolved, links included, now.
    writeInsideRoot(root, files);
  } catch (err) {
    throw new CliError(
      `could not write the self-assessment files (${writeFailureReason(err)}); nothing was changed`,
    );
  }
}
