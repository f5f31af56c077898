import type { CaseStudy, EvidenceItem } from "../model/types.js";
import { compareIds } from "../model/natural-order.js";
import type { DiffInput } from "./diff-submissions.js";
import type { ItemChange } from "./submission-diff.js";

/** FORMAT.md's fields of evidence items and case studies, in its order (id is the match key). */
const FIELDS = [
  "title",
  "description",
  "summary",
  "narrative",
  "type",
  "date",
  "expires",
  "sections",
  "owner",
  "status",
  "files",
  "links",
  "elements",
  "evidence",
];

const STATUS_ORDER = { added: 0, changed: 1, removed: 2 } as const;

/** Evidence items (or case studies) added, changed and removed, matched by id; moves are changes of place. */
export function diffItems(from: DiffInput, to: DiffInput, kind: "evidence" | "case-study"): ItemChange[] {
  const before = byId(kind === "evidence" ? from.submission.evidence : from.submission.caseStudies);
  const after = byId(kind === "evidence" ? to.submission.evidence : to.submission.caseStudies);
  const changes: ItemChange[] = [];
  for (const [id, b] of after) {
    const a = before.get(id);
    if (!a) changes.push(whole(b, kind, "added"));
    else {
      const c = compareItem(a, b, kind, from.contents, to.contents);
      if (c) changes.push(c);
    }
  }
  for (const [id, a] of before) if (!after.has(id)) changes.push(whole(a, kind, "removed"));
  return changes.sort((x, y) => STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || compareIds(x.id, y.id));
}

type Item = EvidenceItem | CaseStudy;

function byId(items: Item[]): Map<string, Item> {
  const map = new Map<string, Item>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

function whole(item: Item, kind: ItemChange["kind"], status: "added" | "removed"): ItemChange {
  const elements = [...new Set(item.elements.map((e) => e.element))].sort(compareIds);
  return {
    id: item.id,
    kind,
    status,
    title: item.title,
    file: item.src.file,
    movedFrom: null,
    fields: [],
    elements: status === "added" ? { added: elements, removed: [] } : { added: [], removed: elements },
    readiness: null,
    draft: item.status === "draft",
  };
}

function compareItem(
  a: Item,
  b: Item,
  kind: ItemChange["kind"],
  contentsA: ReadonlyMap<string, string>,
  contentsB: ReadonlyMap<string, string>,
): ItemChange | null {
  const dataA = record(a.src.data);
  const dataB = record(b.src.data);
  const keys = [
    ...FIELDS,
    ...[...new Set([...Object.keys(dataA), ...Object.keys(dataB)])]
      .filter((k) => k !== "id" && !FIELDS.includes(k))
      .sort(),
  ];
  const fields = keys.filter((k) => {
    // Attachment paths are written relative to the YAML file: compare where they lead, so moving
    // an item with its files is not a change of its files.
    if (k === "files") return canonical(resolvedFiles(a)) !== canonical(resolvedFiles(b));
    if (k === "status") return a.status !== b.status; // an absent status is `ready`
    return canonical(dataA[k]) !== canonical(dataB[k]);
  });
  const idsA = contentIds(a, contentsA);
  const idsB = contentIds(b, contentsB);
  if (idsA !== null && idsB !== null && canonical(idsA) !== canonical(idsB)) fields.push("attachments");
  const citedA = new Set(a.elements.map((e) => e.element));
  const citedB = new Set(b.elements.map((e) => e.element));
  const movedFrom = a.src.file === b.src.file ? null : a.src.file;
  if (fields.length === 0 && movedFrom === null) return null;
  return {
    id: b.id,
    kind,
    status: "changed",
    title: b.title,
    file: b.src.file,
    movedFrom,
    fields,
    elements: {
      added: [...citedB].filter((e) => !citedA.has(e)).sort(compareIds),
      removed: [...citedA].filter((e) => !citedB.has(e)).sort(compareIds),
    },
    readiness: a.status === b.status ? null : { from: a.status, to: b.status },
    draft: b.status === "draft",
  };
}

function resolvedFiles(item: Item): string[] {
  return item.files.map((f) => f.resolved ?? `!${f.declared}`).sort();
}

/** The sorted content ids of an item's attachments, or null when any is unknown (then not compared). */
function contentIds(item: Item, contents: ReadonlyMap<string, string>): string[] | null {
  const ids: string[] = [];
  for (const f of item.files) {
    const id = f.resolved === null ? undefined : contents.get(f.resolved);
    if (id === undefined) return null;
    ids.push(id);
  }
  return ids.sort();
}

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** JSON with object keys sorted, so equal data gives equal text whatever the key order in the file. */
export function canonical(v: unknown): string {
  if (v === undefined) return "undefined";
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}
