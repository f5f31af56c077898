import fs from "node:fs";
import path from "node:path";
import { joinPath, type SourceTree } from "../../load/source-tree.js";
import { readSubmission } from "../../model/read-submission.js";
import type { EvidenceType } from "../../model/raw-types.js";
import { readSchema, SCHEMA_FILES } from "../../schema/schemas.js";
import { caseStudyYaml, evidenceYaml } from "../../scaffold/item-files.js";
import { nextId } from "../../scaffold/next-id.js";
import { slugify } from "../../scaffold/slug.js";
import {
  OutsideRootWriteError,
  resolveWriteTarget,
  writeFailureReason,
  writeInsideRoot,
} from "../../util/write-inside-root.js";
import { isCalendarDate, today } from "../../util/dates.js";
import { openTree, resolveRoot, type SubmissionOptions } from "../common.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { requireKnown } from "../lookup.js";
import { newServiceStandard } from "./new-service-standard.js";

/** Options of `cse new`. */
export interface NewOptions extends SubmissionOptions {
  title: string;
  elements: string[];
  type?: string;
  owner?: string;
  section?: string[];
  evidence?: string[];
  date?: string;
  ready?: boolean;
  /** (v2) Service standards: the target figure, its unit, direction and period, and an id. */
  target?: string;
  unit?: string;
  direction?: string;
  period?: string;
  id?: string;
}

const SERVICE_ONLY = ["target", "unit", "direction", "period", "id"] as const;

/** `cse new evidence|case-study`: writes the file with the next free id and prints its root-relative path. */
export async function newAction(kind: string, opts: NewOptions, io: Io): Promise<number> {
  const isEvidence = kind === "evidence";
  const isStandard = kind === "service-standard";
  const title = opts.title.replace(/\s+/g, " ").trim();
  if (title === "") throw new CliError("--title must not be empty");
  const date = opts.date ?? today();
  if (!isCalendarDate(date))
    throw new CliError(`--date takes a date written YYYY-MM-DD that exists on the calendar, not "${date}"`);
  if (isStandard && opts.type !== undefined) throw new CliError("--type is for evidence items");
  if (!isStandard && SERVICE_ONLY.some((k) => opts[k] !== undefined))
    throw new CliError("--target, --unit, --direction, --period and --id are for service standards");
  if (isStandard && opts.evidence?.length)
    throw new CliError("--evidence is for case studies: it names the evidence items that back the story");
  if (isEvidence && opts.evidence?.length)
    throw new CliError("--evidence is for case studies: it names the evidence items that back the story");
  if (!isEvidence && !isStandard && opts.type !== undefined)
    throw new CliError("--type is for evidence items; a case study has no type");
  const type = opts.type ?? "other";
  if (isEvidence) requireKnown("evidence type", "--type", type, evidenceTypes());

  const root = resolveRoot(opts, io);
  const tree = openTree(root);
  const { submission: s } = readSubmission(tree, { asOf: date });
  const elementIds = s.elements.map((e) => e.id);
  if (elementIds.length === 0)
    throw new CliError(
      `the standard in ${s.config.standardDir}/ has no elements cse can read; run cse validate to see why`,
    );
  const elements = unique(opts.elements);
  if (elements.length === 0)
    throw new CliError("--elements needs at least one element id, e.g. --elements 1.1.1,4.3.2");
  for (const e of elements)
    requireKnown("element", "--elements", e, elementIds, "cse list elements lists them.");
  if (opts.owner !== undefined)
    requireKnown(
      "person",
      "--owner",
      opts.owner,
      s.config.people.map((p) => p.id),
      "They are listed under people: in cse.yaml.",
    );
  const sections = unique(opts.section ?? []);
  for (const id of sections)
    requireKnown(
      "section",
      "--section",
      id,
      s.config.sections.map((x) => x.id),
    );
  const backing = unique(opts.evidence ?? []);
  for (const id of backing)
    requireKnown(
      "evidence item",
      "--evidence",
      id,
      s.evidence.map((e) => e.id),
      "cse list evidence lists them.",
    );

  if (isStandard) return newServiceStandard(root, s, { ...opts, title }, io);

  const allIds = new Set([...s.evidence, ...s.caseStudies, ...s.serviceStandards].map((i) => i.id));
  const taken = [...allIds, ...fileNames(tree, "evidence")];
  let id = nextId(isEvidence ? "E" : "CS", taken, isEvidence ? 3 : 2);
  // An id can be taken by an item of the other kind with an unusual name; step past it.
  while (allIds.has(id)) id = nextId(isEvidence ? "E" : "CS", [...taken, id], id.length);
  const folder = isEvidence ? "evidence" : "evidence/case-studies";
  const slug = slugify(title);
  const file = `${folder}/${slug ? `${id}-${slug}` : id}.yaml`;
  // Resolved inside the root (links and all) before anything is decided, and again at the write.
  const abs = writeTarget(root, file);
  if (fs.existsSync(abs)) throw new CliError(`${file} already exists; cse new never overwrites a file`);

  const schemaName = SCHEMA_FILES[isEvidence ? "evidence" : "case-study"];
  const schema = path.posix.relative(folder, `schemas/${schemaName}`);
  const fields = {
    id,
    title,
    date,
    elements,
    sections,
    schema,
    status: opts.ready ? ("ready" as const) : ("draft" as const),
    ...(opts.owner !== undefined ? { owner: opts.owner } : {}),
  };
  const text = isEvidence
    ? evidenceYaml({ ...fields, type: type as EvidenceType })
    : caseStudyYaml({ ...fields, evidence: backing });
  try {
    writeInsideRoot(root, [{ path: file, content: text }]);
  } catch (err) {
    throw new CliError(`could not write ${file} (${writeFailureReason(err)}); nothing was changed`);
  }

  io.stdout.write(`${file}\n`);
  if (!opts.ready)
    io.stderr.write(
      "Written as a draft: replace its TODO text, then change status: " +
        "draft to ready\nso that gaps and the pack count it.\n",
    );
  if (!fs.existsSync(path.join(root, "schemas", schemaName))) {
    io.stderr.write(
      `Your editor needs the JSON Schemas for completion and checks: run \`cse schema\` in ${root}.\n`,
    );
  }
  return EXIT.OK;
}

function writeTarget(root: string, file: string): string {
  try {
    return resolveWriteTarget(root, file);
  } catch (err) {
    if (err instanceof OutsideRootWriteError) throw new CliError(`${err.message}; cse new wrote nothing`);
    throw new CliError(`could not write ${file}: ${writeFailureReason(err)}; nothing was changed`);
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The evidence types the schema allows (the schema is the single source of truth). */
function evidenceTypes(): string[] {
  const schema = readSchema(SCHEMA_FILES.evidence) as { properties: { type: { enum: string[] } } };
  return schema.properties.type.enum;
}

/** Names of every file below `dir`, so a file whose YAML cannot be read still holds its number. */
function fileNames(tree: SourceTree, dir: string, depth = 0): string[] {
  if (depth > 64) return [];
  return tree
    .list(dir)
    .flatMap((entry) =>
      entry.kind === "dir" ? fileNames(tree, joinPath(dir, entry.name), depth + 1) : [entry.name],
    );
}
