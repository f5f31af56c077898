import path from "node:path";
import type { CaseStudy, EvidenceItem } from "../model/types.js";
import { SCHEMA_FILES } from "../schema/schemas.js";
import { slugify } from "../scaffold/slug.js";
import type { YamlEdit, YamlValue } from "../scaffold/yaml-edit.js";
import { placeOf } from "./cell-values.js";
import { rawField } from "./export-tables.js";
import type { Citation, SheetItem } from "./gather-items.js";
import { planFor, recordOutcome, type ImportContext } from "./import-plan.js";
import { newItemYaml } from "./new-item-yaml.js";

/** The text a new item without a description (or summary, narrative) gets: fine in a draft only. */
export const PLACEHOLDER = "TODO: describe this item";

/** Plans the writes for the items of the Evidence and Case studies sheets; problems go to the reader. */
export function planItems(items: SheetItem[], ctx: ImportContext): void {
  const s = ctx.submission;
  const byId = new Map<string, EvidenceItem | CaseStudy>(
    [...s.evidence, ...s.caseStudies].map((i) => [i.id, i]),
  );
  const seen = new Map<string, SheetItem>();
  const newEvidence = new Set(items.filter((i) => i.kind === "evidence" && !byId.has(i.id)).map((i) => i.id));
  for (const item of items) {
    const earlier = seen.get(item.id);
    if (earlier) {
      ctx.reader.report(
        item.sheet,
        placeOf(item.sheet, item.first, "ID"),
        "id-taken",
        `${item.id} is also in the ${earlier.sheet.source} sheet; an id belongs to one item`,
      );
      continue;
    }
    seen.set(item.id, item);
    checkReferences(item, ctx, newEvidence);
    const existing = byId.get(item.id);
    if (existing && (existing.kind === "evidence") !== (item.kind === "evidence")) {
      const what = existing.kind === "evidence" ? "an evidence item" : "a case study";
      ctx.reader.report(
        item.sheet,
        placeOf(item.sheet, item.first, "ID"),
        "id-taken",
        `${item.id} is already ${what} (${existing.src.file}); give this one an id of its own`,
      );
      continue;
    }
    if (existing) updateItem(item, existing, ctx);
    else createItem(item, ctx);
  }
}

/** Files must exist inside the root; a case study's evidence must exist or be imported now. */
function checkReferences(item: SheetItem, ctx: ImportContext, newEvidence: Set<string>): void {
  const files = item.lists.get("Files");
  for (const f of files?.value ?? []) {
    const st = ctx.submission.tree.stat(f.replace(/\\/g, "/").replace(/^\.\//, ""));
    if (st.kind === "file") continue;
    const why = st.kind === "outside" ? "leads outside the submission's folder" : "does not exist";
    ctx.reader.report(
      item.sheet,
      files!.cell,
      "missing-file",
      `the file ${f} ${why}; give its path from the submission's folder, e.g. evidence/library/report.pdf`,
    );
  }
  const evidence = item.lists.get("Evidence");
  const known = new Set(ctx.submission.evidence.map((e) => e.id));
  for (const id of evidence?.value ?? [])
    if (!known.has(id) && !newEvidence.has(id))
      ctx.reader.report(
        item.sheet,
        evidence!.cell,
        "unknown-evidence",
        `${id} is not an evidence item, in the submission or in this sheet`,
      );
}

function createItem(item: SheetItem, ctx: ImportContext): void {
  const title = item.fields.get("Title")?.value;
  if (title === undefined) {
    ctx.reader.report(
      item.sheet,
      placeOf(item.sheet, item.first, "Title"),
      "missing-value",
      `${item.id} is new and needs a title`,
    );
    return;
  }
  const status = item.fields.get("Status")?.value ?? "draft";
  const text = item.fields.get(item.kind === "evidence" ? "Description" : "Summary")?.value;
  if (status === "ready" && text === undefined)
    ctx.reader.report(item.sheet, item.fields.get("Status")!.cell, "placeholder", readyWithoutText(item));
  if (status === "ready" && item.kind === "case-study")
    ctx.reader.report(item.sheet, item.fields.get("Status")!.cell, "placeholder", storyMissing(item.id));
  const folder = item.kind === "evidence" ? "evidence/imported" : "evidence/case-studies/imported";
  const slug = slugify(title);
  const file = `${folder}/${slug ? `${item.id}-${slug}` : item.id}.yaml`;
  if (ctx.submission.tree.stat(file).kind !== "missing" || ctx.files.has(file)) {
    ctx.reader.report(
      item.sheet,
      placeOf(item.sheet, item.first, "ID"),
      "file-exists",
      `${file} already exists; cse import never overwrites a file it did not read as an item`,
    );
    return;
  }
  const schema =
    ctx.submission.tree.stat("schemas").kind === "dir"
      ? path.posix.relative(folder, `schemas/${SCHEMA_FILES[item.kind]}`)
      : null;
  ctx.files.set(file, {
    original: null,
    edits: [],
    text: newItemYaml(item, { title, status, schema, folder, ctx }),
  });
  ctx.report.created.push(item.id);
}

/** Plans the edits that make an existing item say what the sheet says; fields the sheet lacks are kept. */
function updateItem(item: SheetItem, existing: EvidenceItem | CaseStudy, ctx: ImportContext): void {
  const edits: YamlEdit[] = [];
  const at = existing.path.map(String);
  const set = (key: string, value: YamlValue) => edits.push({ path: at, key, value });
  const raw = (key: string) => rawField(existing, key);
  for (const [header, key] of FIELD_KEYS) {
    const given = item.fields.get(header)?.value;
    if (given === undefined) continue;
    const now = raw(key);
    const same =
      key === "status"
        ? (typeof now === "string" ? now : "ready") === given
        : typeof now === "string" && now.trimEnd() === given;
    if (!same) set(key, given.includes("\n") ? `${given}\n` : given);
  }
  for (const [header, key] of LIST_KEYS) {
    const given = item.lists.get(header)?.value;
    if (given === undefined) continue;
    const now = listOf(raw(key));
    const wanted = key === "files" ? given.map((f) => fromRoot(f, existing.src.file)) : given;
    const current = key === "files" ? now.map((f) => toRoot(f, existing.src.file)) : now;
    const target = key === "files" ? given.map((f) => f.replace(/^\.\//, "")) : given;
    if (sameSet(current, target)) continue;
    set(
      key,
      merged(now, wanted, (a, b) =>
        key === "files" ? toRoot(a, existing.src.file) === toRoot(b, existing.src.file) : a === b,
      ),
    );
  }
  const elements = mergedElements(raw("elements"), item.elements);
  if (elements) set("elements", elements);
  if (edits.length > 0) planFor(ctx, existing.src.file).edits.push(...edits);
  recordOutcome(ctx, item.id, edits.length > 0);
}

const FIELD_KEYS: [string, string][] = [
  ["Title", "title"],
  ["Type", "type"],
  ["Date", "date"],
  ["Expires", "expires"],
  ["Status", "status"],
  ["Owner", "owner"],
  ["Description", "description"],
  ["Summary", "summary"],
];

const LIST_KEYS: [string, string][] = [
  ["Sections", "sections"],
  ["Links", "links"],
  ["Files", "files"],
  ["Evidence", "evidence"],
];

/**
 * The item's new `elements`, or null when the sheet says what the file says. The same set of
 * elements in another order is no change (a sorted sheet must not rewrite files); a note
 * left empty in the sheet keeps the file's note.
 */
function mergedElements(now: unknown, sheet: Citation[]): YamlValue[] | null {
  const current = (Array.isArray(now) ? now : []).map(citationOf).filter((c): c is Citation => c !== null);
  const wanted = new Map(sheet.map((c) => [c.element, c.note]));
  let changed = current.length !== sheet.length || current.some((c) => !wanted.has(c.element));
  const kept = current
    .filter((c) => wanted.has(c.element))
    .map((c) => {
      const note = wanted.get(c.element);
      if (note !== undefined && note !== c.note?.trimEnd()) {
        changed = true;
        return { element: c.element, note };
      }
      return c;
    });
  if (!changed) return null;
  const added = sheet.filter((c) => !current.some((k) => k.element === c.element));
  return [...kept, ...added].map((c) =>
    c.note === undefined
      ? c.element
      : { element: c.element, note: c.note.includes("\n") ? `${c.note.trimEnd()}\n` : c.note },
  );
}

function citationOf(v: unknown): Citation | null {
  if (typeof v === "string") return { element: v };
  if (typeof v === "number") return { element: String(v) };
  if (v && typeof v === "object" && "element" in v) {
    const { element, note } = v as { element: unknown; note?: unknown };
    return { element: String(element), ...(typeof note === "string" ? { note } : {}) };
  }
  return null;
}

function listOf(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : [];
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
}

/** The current values still wanted, in their order, then the new ones. */
function merged(now: string[], wanted: string[], same: (a: string, b: string) => boolean): string[] {
  const kept = now.filter((n) => wanted.some((w) => same(n, w)));
  return [...kept, ...wanted.filter((w) => !kept.some((k) => same(k, w)))];
}

/** A root-relative path as the item's YAML writes it: relative to the YAML file's folder. */
function fromRoot(file: string, yamlFile: string): string {
  return path.posix.relative(path.posix.dirname(yamlFile), file.replace(/^\.\//, ""));
}

function toRoot(declared: string, yamlFile: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(yamlFile), declared));
}

function readyWithoutText(item: SheetItem): string {
  const field = item.kind === "evidence" ? "description" : "summary";
  return `${item.id} is new and marked ready, but has no ${field}; write one, or mark it draft`;
}

function storyMissing(id: string): string {
  return (
    `${id} is a new case study marked ready, but a sheet has no room for its story (narrative); ` +
    "import it as a draft"
  );
}
