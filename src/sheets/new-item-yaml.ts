import path from "node:path";
import { renderAfterKey, type YamlValue } from "../scaffold/yaml-edit.js";
import { yamlComment } from "../scaffold/yaml-text.js";
import type { SheetItem } from "./gather-items.js";
import type { ImportContext } from "./import-plan.js";
import { PLACEHOLDER } from "./plan-items.js";

/** What the caller has already settled about a new item. */
export interface NewItemFacts {
  title: string;
  status: string;
  /** The schema's path from the new file's folder, or null when the submission has no schemas/. */
  schema: string | null;
  /** Root-relative folder of the new file. */
  folder: string;
  ctx: ImportContext;
}

/** The YAML of an item the sheet brings for the first time, with comments saying where it came from. */
export function newItemYaml(item: SheetItem, facts: NewItemFacts): string {
  const field = (header: string) => item.fields.get(header)?.value;
  const list = (header: string) => item.lists.get(header)?.value;
  const date = field("Date");
  const isEvidence = item.kind === "evidence";
  const fields: [string, YamlValue | undefined][] = [
    ["id", item.id],
    ["title", facts.title],
    ["type", isEvidence ? (field("Type") ?? "other") : undefined],
    ["date", date ?? facts.ctx.today],
    ["expires", field("Expires")],
    ["owner", field("Owner")],
    ["sections", list("Sections")],
    ["status", facts.status],
    [
      isEvidence ? "description" : "summary",
      block(field(isEvidence ? "Description" : "Summary") ?? PLACEHOLDER),
    ],
    ["narrative", isEvidence ? undefined : "TODO: tell the story: the situation, what was done, the outcome"],
    ["files", list("Files")?.map((f) => path.posix.relative(facts.folder, f.replace(/^\.\//, "")))],
    ["links", list("Links")],
    [
      "elements",
      item.elements.map((c) =>
        c.note === undefined ? c.element : { element: c.element, note: block(c.note) },
      ),
    ],
    ["evidence", isEvidence ? undefined : list("Evidence")],
  ];
  const lines: string[] = [];
  if (facts.schema) lines.push(`# yaml-language-server: $schema=${facts.schema}`);
  lines.push(
    yamlComment(
      `Imported by cse import from ${facts.ctx.sourceName} (${item.sheet.source}, row ${item.first.row}).` +
        (facts.status === "draft"
          ? "\nCheck it, then change status: draft to ready so that gaps and the pack count it."
          : ""),
    ),
  );
  for (const [key, value] of fields) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (key === "date" && date === undefined)
      lines.push(
        "# The sheet gave no date: this is the day of the import. Change it to the day the evidence was made.",
      );
    lines.push(`${key}:${renderAfterKey(value, 0).replace(/\n$/, "")}`);
  }
  return lines.join("\n") + "\n";
}

/** Text over several lines ends with a line break, as a YAML `|` block holds it. */
function block(text: string): string {
  return text.includes("\n") ? `${text.trimEnd()}\n` : text;
}
