import { listCaseStudies, listElements, listEvidence, type ListFilter } from "../../inspect/listing.js";
import { readSubmission } from "../../model/read-submission.js";
import type { Submission } from "../../model/types.js";
import { readSchema, SCHEMA_FILES } from "../../schema/schemas.js";
import { today } from "../../util/dates.js";
import { openTree, pickFormat, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { requireKnown } from "../lookup.js";
import { plural } from "../../util/plural.js";

/** Options of `cse list`. */
export interface ListOptions extends SubmissionOptions, ListFilter {
  format?: string;
}

// Which filters make sense for what: a filter that cannot apply is a mistake worth saying.
const FILTERS: Record<string, (keyof ListFilter)[]> = {
  elements: ["criterion", "owner"],
  evidence: ["element", "criterion", "owner", "section", "type", "status"],
  "case-studies": ["element", "criterion", "owner", "section", "status"],
};

/** `cse list elements|evidence|case-studies`. */
export async function listAction(what: string, opts: ListOptions, io: Io): Promise<number> {
  const format = pickFormat(opts.format, ["text", "json"], "text");
  const allowed = FILTERS[what]!;
  for (const key of ["element", "criterion", "owner", "section", "type", "status"] as const) {
    if (opts[key] !== undefined && !allowed.includes(key))
      throw new CliError(
        `--${key} does not apply to cse list ${what}; it takes ${allowed.map((k) => `--${k}`).join(", ")}`,
      );
  }
  const root = resolveRoot(opts, io);
  const checked = readSubmission(openTree(root), { asOf: today() });
  const s = checked.submission;
  checkFilterValues(s, opts);
  const filter: ListFilter = {
    element: opts.element,
    criterion: opts.criterion,
    owner: opts.owner,
    section: opts.section,
    type: opts.type,
    status: opts.status,
  };
  if (checked.errorCount > 0)
    io.stderr.write(
      `Note: the submission has ${plural(checked.errorCount, "validation error")}; ` +
        "this lists what cse could read. Run cse validate.\n",
    );

  const reporters = await import("../../output/list-text.js");
  if (what === "elements") {
    const rows = listElements(s, filter);
    io.stdout.write(format === "json" ? json({ elements: rows }) : reporters.formatElementsText(rows));
  } else if (what === "evidence") {
    const rows = listEvidence(s, filter);
    io.stdout.write(format === "json" ? json({ evidence: rows }) : reporters.formatEvidenceText(rows));
  } else {
    const rows = listCaseStudies(s, filter);
    io.stdout.write(format === "json" ? json({ caseStudies: rows }) : reporters.formatCaseStudiesText(rows));
  }
  return EXIT.OK;
}

/** Filter values must name things that exist: a typo should not look like "nothing matches". */
function checkFilterValues(s: Submission, f: ListFilter): void {
  if (f.element !== undefined)
    requireKnown(
      "element",
      "--element",
      f.element,
      s.elements.map((e) => e.id),
      "cse list elements lists them.",
    );
  if (f.criterion !== undefined)
    requireKnown(
      "criterion or sub-criterion",
      "--criterion",
      f.criterion,
      s.standard.criteria.flatMap((c) => [c.id, ...c.subcriteria.map((x) => x.id)]),
    );
  if (f.owner !== undefined)
    requireKnown(
      "person",
      "--owner",
      f.owner,
      s.config.people.map((p) => p.id),
      "They are listed under people: in cse.yaml.",
    );
  if (f.section !== undefined)
    requireKnown(
      "section",
      "--section",
      f.section,
      s.config.sections.map((x) => x.id),
    );
  if (f.type !== undefined) {
    const types = (readSchema(SCHEMA_FILES.evidence) as { properties: { type: { enum: string[] } } })
      .properties.type.enum;
    requireKnown("evidence type", "--type", f.type, types);
  }
}

function json(data: unknown): string {
  return JSON.stringify(data, null, 2) + "\n";
}
