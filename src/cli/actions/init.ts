import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { AssessmentKind } from "../../model/raw-types.js";
import { readSchema, schemaFileNames } from "../../schema/schemas.js";
import { readBundledStandard } from "../../scaffold/bundled-standard.js";
import { GITIGNORE, INIT_FOLDERS, initFiles, type PlannedFile } from "../../scaffold/init-files.js";
import { slugify } from "../../scaffold/slug.js";
import { writeFailureReason, writeInsideRoot } from "../../util/write-inside-root.js";
import { isCalendarDate, subtractMonths, today } from "../../util/dates.js";
import { CliError, EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";

/** Options of `cse init`. */
export interface InitOptions {
  organisation?: string;
  section?: string[];
  visit?: string;
  kind?: string;
  ciPackage?: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PLACEHOLDER_ORGANISATION = "Our organisation";

/** `cse init [DIR]`: lays out a new submission, or lists what is in the way and changes nothing. */
export async function initAction(dir: string, opts: InitOptions, io: Io): Promise<number> {
  const target = path.resolve(io.cwd, dir);
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory())
    throw new CliError(`${dir} is a file; cse init takes a folder`);
  const organisation = (opts.organisation ?? "").replace(/\s+/g, " ").trim();
  const now = today();
  const visit = opts.visit ?? subtractMonths(now, -6);
  if (!isCalendarDate(visit))
    throw new CliError(`--visit takes a date written YYYY-MM-DD that exists on the calendar, not "${visit}"`);
  const { version } = createRequire(import.meta.url)("../../../package.json") as { version: string };

  const standard = readBundledStandard();
  const schemas = schemaFileNames().map((name) => ({
    name,
    content: JSON.stringify(readSchema(name), null, 2) + "\n",
  }));
  const files = initFiles(
    {
      organisation: organisation || PLACEHOLDER_ORGANISATION,
      organisationIsPlaceholder: organisation === "",
      sections: parseSections(opts.section ?? []),
      visit,
      visitIsPlaceholder: opts.visit === undefined,
      kind: (opts.kind ?? "initial") as AssessmentKind,
      today: now,
      cseVersion: version,
      ciPackage: opts.ciPackage?.trim() || null,
    },
    standard,
    schemas,
  );

  // Check everything first, then write: a refused init leaves the folder exactly as it was.
  const conflicts = findConflicts(target, files);
  if (conflicts.length) {
    throw new CliError(
      `${shown(dir)} already holds files of a submission, so cse init changed nothing:\n` +
        `${conflicts.map((c) => `  ${c}\n`).join("")}` +
        "Start the submission in a new or empty folder (cse init FOLDER), or move these away first.",
    );
  }
  const keptGitignore = exists(path.join(target, GITIGNORE));
  const toWrite = files.filter((f) => !(keptGitignore && f.path === GITIGNORE));
  writeAll(target, toWrite);
  io.stdout.write(
    summary(dir, toWrite, standard.criteria, {
      keptGitignore,
      target,
      organisation,
      sectionsGiven: (opts.section ?? []).length > 0,
      visitGiven: opts.visit !== undefined,
    }),
  );
  return EXIT.OK;
}

/** `"id:Name"` or `"Name"` (its id made from the name); none at all gives one section, main. */
function parseSections(values: string[]): { id: string; name: string }[] {
  if (values.length === 0) return [{ id: "main", name: "Main service" }];
  const sections = values.map((v) => {
    const at = v.indexOf(":");
    const id = (at >= 0 ? v.slice(0, at) : slugify(v)).trim();
    const name = (at >= 0 ? v.slice(at + 1) : v).replace(/\s+/g, " ").trim();
    if (!ID.test(id))
      throw new CliError(
        `--section "${v}": the id "${id}" must be letters, digits, '.', '_' or '-', ` +
          `starting with a letter or digit, as in --section "it:IT Services"`,
      );
    if (name === "")
      throw new CliError(`--section "${v}" needs a name after the colon, as in --section "it:IT Services"`);
    return { id, name };
  });
  const seen = new Set<string>();
  for (const s of sections) {
    if (seen.has(s.id))
      throw new CliError(`--section: the id "${s.id}" is given twice; each section needs its own id`);
    seen.add(s.id);
  }
  return sections;
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** What is in the way, in the order init would write it: a folder init fills stands for all its files. */
function findConflicts(target: string, files: PlannedFile[]): string[] {
  const found: string[] = [];
  for (const f of files) {
    if (f.path === GITIGNORE) continue;
    const folder = INIT_FOLDERS.find((d) => f.path.startsWith(`${d}/`));
    if (folder) {
      if (!found.includes(`${folder}/`) && exists(path.join(target, folder))) found.push(`${folder}/`);
    } else if (exists(path.join(target, ...f.path.split("/")))) found.push(f.path);
  }
  return found;
}

/** Makes the folders and writes the files whole; on failure removes what it made and fails with exit 2. */
function writeAll(target: string, files: PlannedFile[]): void {
  const made: string[] = [];
  try {
    for (const f of files) {
      const folder = path.dirname(path.join(target, ...f.path.split("/")));
      const first = fs.mkdirSync(folder, { recursive: true });
      if (first) made.push(first);
    }
    writeInsideRoot(target, files);
  } catch (err) {
    // Folders made by this run are removed only while they are empty, deepest first.
    for (const first of made.reverse()) removeEmptyFolders(first);
    throw new CliError(
      `could not write the new submission in ${target} (${writeFailureReason(err)}); nothing was changed`,
    );
  }
}

function removeEmptyFolders(dir: string): void {
  if (!exists(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory()) removeEmptyFolders(path.join(dir, entry.name));
  try {
    fs.rmdirSync(dir);
  } catch {
    // Not empty: something else is in it, leave it.
  }
}

function shown(dir: string): string {
  return dir === "." ? "this folder" : dir;
}

/** What was made and what to do next, for someone who has not used cse before. */
function summary(
  dir: string,
  written: PlannedFile[],
  criteria: { subcriteria: { elements: unknown[] }[] }[],
  n: {
    keptGitignore: boolean;
    target: string;
    organisation: string;
    sectionsGiven: boolean;
    visitGiven: boolean;
  },
): string {
  const elements = criteria.reduce(
    (sum, c) => sum + c.subcriteria.reduce((s, sub) => s + sub.elements.length, 0),
    0,
  );
  const rows: [string, string][] = [];
  for (const f of written) {
    if (f.about) rows.push([f.path, f.about]);
    if (f.path === "cse.yaml")
      rows.push(["criteria/", `the standard: ${criteria.length} criteria, ${elements} elements`]);
    if (f.path.startsWith("evidence/case-studies/"))
      rows.push(["assessment/criterion-*.yaml", "the self-assessment, to fill in"]);
  }
  rows.splice(rows.findIndex((r) => r[0] === "assessment/findings/README.md") + 1, 0, [
    "schemas/",
    "JSON Schemas, for checks as you type",
  ]);
  const width = Math.max(...rows.map((r) => r[0].length));
  const lines = [
    `Started a submission in ${shown(dir)}:`,
    ...rows.map(([p, about]) => `  ${p.padEnd(width)}  ${about}`),
  ];
  if (n.keptGitignore)
    lines.push(
      `  (your .gitignore was left as it was: add the line /out/ to it so built packs stay out of git)`,
    );
  lines.push("", "Next:");
  if (dir !== ".") lines.push(`  cd ${/\s/.test(dir) ? JSON.stringify(dir) : dir}`);
  const todo = [
    n.organisation ? "" : "organisation",
    n.sectionsGiven ? "" : "sections",
    "people",
    n.visitGiven ? "" : "visit date",
  ].filter(Boolean);
  lines.push(`  edit cse.yaml: ${todo.join(", ")}`);
  lines.push("  cse assign jo-bloggs 1        give the elements of criterion 1 an owner");
  lines.push('  cse new evidence --title "Customer charter" --elements 5.2.1 --type policy');
  lines.push("  cse validate", "  cse gaps");
  if (!exists(path.join(n.target, ".git")) && !insideGit(n.target))
    lines.push('  git init && git add . && git commit -m "Start the CSE submission"');
  return lines.join("\n") + "\n";
}

function insideGit(dir: string): boolean {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    if (exists(path.join(d, ".git"))) return true;
    if (path.dirname(d) === d) return false;
  }
}
