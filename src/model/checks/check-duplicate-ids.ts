import { positionOf, type DataPath } from "../../load/positions.js";
import type { YamlFile } from "../../load/yaml-file.js";
import type { Check, CheckContext } from "./context.js";

interface Named {
  id: string;
  src: YamlFile;
  path: DataPath;
}

/** `duplicate-id`: criteria, sub-criteria, elements, ratings, sections, people, and evidence with case studies. */
export const checkDuplicateIds: Check = (ctx) => {
  const { submission: s } = ctx;
  const criteria = s.standard.criteria;
  findDuplicates(ctx, "criterion", criteria);
  findDuplicates(
    ctx,
    "sub-criterion",
    criteria.flatMap((c) => c.subcriteria),
  );
  findDuplicates(ctx, "element", s.elements);
  // (v2) Service standards share the id space of evidence items and case studies.
  const items = [...s.evidence, ...s.caseStudies, ...s.serviceStandards];
  findDuplicates(ctx, s.serviceStandards.length ? "item" : "evidence item or case study", items);
  const cse = s.config.src;
  if (cse) {
    for (const list of ["sections", "people"] as const) {
      findDuplicates(ctx, list === "sections" ? "section" : "person", idsIn(cse, [list]));
    }
  }
  if (s.standard.src) findDuplicates(ctx, "rating", idsIn(s.standard.src, ["ratings"]));
};

/** The `{id}` entries of a list in a file's data, with their paths. */
export function idsIn(src: YamlFile, path: DataPath): Named[] {
  let v: unknown = src.data;
  for (const seg of path)
    v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[seg] : undefined;
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, i) => {
    const id = item && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
    return typeof id === "string" ? [{ id, src, path: [...path, i] }] : [];
  });
}

/** Reports every repeat of an id at its `id` field, naming where it was first used. */
export function findDuplicates(ctx: CheckContext, what: string, items: Named[]): void {
  const byId = new Map<string, Named[]>();
  for (const item of items) {
    const same = byId.get(item.id);
    if (same) same.push(item);
    else byId.set(item.id, [item]);
  }
  // Positions only for ids used more than once: finding one may parse its file again.
  for (const same of byId.values()) if (same.length > 1) reportRepeats(ctx, what, same);
}

function reportRepeats(ctx: CheckContext, what: string, same: Named[]): void {
  const placed = same.map((item) => ({ item, pos: positionOf(item.src, [...item.path, "id"]) }));
  placed.sort((a, b) =>
    a.item.src.file < b.item.src.file
      ? -1
      : a.item.src.file > b.item.src.file
        ? 1
        : a.pos.line - b.pos.line || a.pos.column - b.pos.column,
  );
  const prior = placed[0]!;
  for (const p of placed.slice(1)) {
    const where =
      prior.item.src === p.item.src
        ? `line ${prior.pos.line}`
        : `${prior.item.src.file} line ${prior.pos.line}`;
    ctx.report(
      { src: p.item.src, path: [...p.item.path, "id"] },
      "duplicate-id",
      `duplicate ${what} id "${p.item.id}": ${where} already uses it; give this one an id of its own`,
    );
  }
}
