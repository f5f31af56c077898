import type { DataPath } from "../../load/positions.js";
import type { YamlFile } from "../../load/yaml-file.js";
import type { Check } from "./context.js";

/** The placeholder `cse new`, `cse init` and `cse import` write where text is still to come. */
const PLACEHOLDER = /\bTODO\b/;

/**
 * Whether `text` holds the placeholder: a plain search first (far cheaper than the pattern's word
 * boundaries over every text of a large submission), the pattern only where it may match.
 */
function holdsPlaceholder(text: string | null): boolean {
  return text !== null && text.includes("TODO") && PLACEHOLDER.test(text);
}

/** A text field of an item, by its place in the file. */
interface TextField {
  src: YamlFile;
  path: DataPath;
  name: string;
  text: string | null;
}

/**
 * `placeholder-text`: TODO left in the text of a ready evidence item or case study, or in any
 * self-assessment statement, so unfinished writing cannot reach the assessor. Only the values
 * of text fields are read, never YAML comments (`cse new` writes comments that mention TODO),
 * and drafts may hold TODO: that is what they are for.
 */
export const checkPlaceholders: Check = (ctx) => {
  const s = ctx.submission;
  for (const item of [...s.evidence, ...s.caseStudies]) {
    if (item.status !== "ready") continue;
    const texts =
      item.kind === "evidence" ? [item.title, item.description] : [item.title, item.summary, item.narrative];
    if (!texts.some(holdsPlaceholder) && !item.elements.some((c) => holdsPlaceholder(c.note))) continue;
    const fields: TextField[] = [
      { src: item.src, path: ["title"], name: "title", text: item.title },
      ...(item.kind === "evidence"
        ? [{ src: item.src, path: ["description"], name: "description", text: item.description }]
        : [
            { src: item.src, path: ["summary"], name: "summary", text: item.summary },
            { src: item.src, path: ["narrative"], name: "narrative", text: item.narrative },
          ]),
      ...item.elements.map((c) => ({ src: c.src, path: notePath(c.path), name: "note", text: c.note })),
    ];
    for (const f of fields)
      if (f.text !== null && PLACEHOLDER.test(f.text))
        ctx.report(f, "placeholder-text", readyItemMessage(f.name, item.kind), { within: PLACEHOLDER });
  }
  // Service standards go to the assessor whole (the contract names "any service standard").
  for (const ss of s.serviceStandards) {
    if (!holdsPlaceholder(ss.title) && !ss.results.some((r) => holdsPlaceholder(r.note))) continue;
    const fields: TextField[] = [
      { src: ss.src, path: ["title"], name: "title", text: ss.title },
      ...ss.results.map((r) => ({ src: r.src, path: [...r.path, "note"], name: "note", text: r.note })),
    ];
    for (const f of fields)
      if (f.text !== null && PLACEHOLDER.test(f.text))
        ctx.report(f, "placeholder-text", serviceStandardMessage(f.name, ss.id), { within: PLACEHOLDER });
  }
  for (const a of s.selfAssessmentEntries) {
    if (holdsPlaceholder(a.statement))
      ctx.report(
        { src: a.src, path: [...a.path, "statement"] },
        "placeholder-text",
        statementMessage(a.element),
        {
          within: PLACEHOLDER,
        },
      );
  }
};

/** A citation's path points at its `element`; its note is the sibling field. */
function notePath(path: DataPath): DataPath {
  return path[path.length - 1] === "element" ? [...path.slice(0, -1), "note"] : path;
}

function readyItemMessage(field: string, kind: "evidence" | "case-study"): string {
  const what = kind === "evidence" ? "evidence item" : "case study";
  return (
    `the ${field} still holds the placeholder TODO, and this ${what} is ready, so the unfinished text would go ` +
    "to the assessor; write the text in its place, or mark the item `status: draft` until it is written"
  );
}

function serviceStandardMessage(field: string, id: string): string {
  return (
    `the ${field} of service standard ${id} still holds the placeholder TODO, and service standards go ` +
    "to the assessor; write the text in its place"
  );
}

function statementMessage(element: string): string {
  return (
    `the statement for ${element} still holds the placeholder TODO, and statements go to the assessor; ` +
    "write the statement in its place"
  );
}
