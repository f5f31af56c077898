import fs from "node:fs";
import path from "node:path";
import type { PeriodKind, TargetDirection, TargetUnit } from "../../model/raw-types.js";
import type { Submission } from "../../model/types.js";
import { SCHEMA_FILES } from "../../schema/schemas.js";
import { nextId } from "../../scaffold/next-id.js";
import { serviceStandardYaml } from "../../scaffold/service-standard-file.js";
import { slugify } from "../../scaffold/slug.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { requireKnown } from "../lookup.js";
import { writeSubmissionFile } from "./write-submission-file.js";

/** The options `cse new service-standard` reads. */
export interface NewServiceStandardOptions {
  title: string;
  elements: string[];
  owner?: string;
  section?: string[];
  target?: string;
  unit?: string;
  direction?: string;
  period?: string;
  id?: string;
}

const UNITS = ["percent", "days", "hours", "minutes", "count"];
const DIRECTIONS = ["at-least", "at-most"];
const PERIODS = ["month", "quarter", "year"];

/**
 * `cse new service-standard`: writes service-standards/<id>-<slug>.yaml with no results yet.
 * The id is the next free SS-<SECTION>-n when one section is given (SS-IT-2 after SS-IT-1),
 * else SS-n, unless --id names one.
 */
export function newServiceStandard(
  root: string,
  s: Submission,
  opts: NewServiceStandardOptions,
  io: Io,
): number {
  if (opts.target === undefined)
    throw new CliError("--target is needed: the figure to meet, e.g. --target 90");
  const value = Number(opts.target.replace(/%$/, ""));
  if (opts.target.trim() === "" || !Number.isFinite(value))
    throw new CliError(`--target takes a number, such as 90, not "${opts.target}"`);
  const unit = opts.unit ?? "percent";
  const direction = opts.direction ?? "at-least";
  const period = opts.period ?? "month";
  requireKnown("unit", "--unit", unit, UNITS);
  requireKnown("direction", "--direction", direction, DIRECTIONS);
  requireKnown("period", "--period", period, PERIODS);
  const sections = [...new Set(opts.section ?? [])];
  const taken = new Set([...s.evidence, ...s.caseStudies, ...s.serviceStandards].map((i) => i.id));
  const id = opts.id ?? nextFree(sections, taken);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id))
    throw new CliError(`--id "${id}" is not an id: use letters, digits, ".", "_" and "-"`);
  if (taken.has(id)) throw new CliError(`--id ${id} is already used by another item; choose another`);
  const slug = slugify(opts.title);
  const file = `service-standards/${slug ? `${id}-${slug}` : id}.yaml`;
  if (fs.existsSync(path.join(root, file)))
    throw new CliError(`${file} already exists; cse new never overwrites a file`);
  const text = serviceStandardYaml({
    id,
    title: opts.title,
    elements: [...new Set(opts.elements)],
    sections,
    ...(opts.owner !== undefined ? { owner: opts.owner } : {}),
    target: { value, unit: unit as TargetUnit, direction: direction as TargetDirection },
    period: period as PeriodKind,
    schema: path.posix.relative("service-standards", `schemas/${SCHEMA_FILES["service-standard"]}`),
  });
  writeSubmissionFile(root, file, text);
  io.stdout.write(`${file}\n`);
  return EXIT.OK;
}

function nextFree(sections: string[], taken: Set<string>): string {
  const prefix = sections.length === 1 ? `SS-${sections[0]!.toUpperCase()}-` : "SS-";
  let id = nextId(prefix, taken, 1);
  while (taken.has(id)) id = nextId(prefix, [...taken, id], 1);
  return id;
}
