import type { EvidenceType } from "../model/raw-types.js";
import { yamlComment, yamlQuoted, yamlString } from "./yaml-text.js";

/** What `cse new` knows about a new evidence item or case study. */
export interface NewItem {
  /** The new id, e.g. E065. */
  id: string;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Element ids, known to exist. */
  elements: string[];
  /** Person id, or absent. */
  owner?: string;
  /** Section ids; empty: the whole organisation. */
  sections: string[];
  status: "ready" | "draft";
  /** The schema's path relative to the new file's folder, for the editor's schema line. */
  schema: string;
}

/** A new evidence item's fields. */
export interface NewEvidence extends NewItem {
  type: EvidenceType;
}

/** A new case study's fields. */
export interface NewCaseStudy extends NewItem {
  /** Evidence item ids backing the story. */
  evidence: string[];
}

/** Placeholder text that validates but cannot be mistaken for finished writing. */
export const TODO = "TODO";

/** The YAML of a new evidence item: every required field, optional ones as comments. */
export function evidenceYaml(item: NewEvidence): string {
  return (
    [
      ...head(item),
      `type: ${item.type}`,
      `date: ${item.date}`,
      "# expires: YYYY-MM-DD           # after this day it no longer counts",
      ...ownerAndSections(item),
      ...status(item),
      "description: |",
      `  ${TODO}: what this is and what it shows, in a few sentences of Markdown.`,
      "# files:                        # attachments, relative to this file",
      `#   - attachments/${item.id}.pdf`,
      "# links:                        # http or https addresses",
      "#   - https://www.example.org/page",
      ...elements(item),
    ].join("\n") + "\n"
  );
}

/** The YAML of a new case study: every required field with a situation / action / outcome outline. */
export function caseStudyYaml(item: NewCaseStudy): string {
  return (
    [
      ...head(item),
      `date: ${item.date}`,
      ...ownerAndSections(item),
      ...status(item),
      "summary: |",
      `  ${TODO}: one short paragraph: what changed for customers, and how you know.`,
      "narrative: |",
      "  ### Situation",
      "",
      `  ${TODO}: what was the problem or the opportunity, and for which customers?`,
      "",
      "  ### What we did",
      "",
      `  ${TODO}: the steps you took, and who you involved.`,
      "",
      "  ### Outcome",
      "",
      `  ${TODO}: what changed, with figures where you have them.`,
      ...elements(item),
      item.evidence.length
        ? `evidence: [${item.evidence.map(yamlString).join(", ")}]`
        : "# evidence: [E001, E002]       # evidence items that back the story",
    ].join("\n") + "\n"
  );
}

function head(item: NewItem): string[] {
  return [
    `# yaml-language-server: $schema=${item.schema}`,
    `id: ${yamlString(item.id)}`,
    `title: ${yamlString(item.title)}`,
  ];
}

function ownerAndSections(item: NewItem): string[] {
  return [
    item.owner
      ? `owner: ${yamlString(item.owner)}`
      : "# owner: person-id              # a person id from cse.yaml",
    item.sections.length
      ? `sections: [${item.sections.map(yamlString).join(", ")}]`
      : "# sections: [section-id]        # absent: the whole organisation",
  ];
}

function status(item: NewItem): string[] {
  if (item.status === "ready") return ["status: ready"];
  return [
    yamlComment(
      "A draft is checked by validate but not counted by gaps nor put in the pack:\n" +
        "change this to ready when the TODO text below is written.",
    ),
    "status: draft",
  ];
}

function elements(item: NewItem): string[] {
  return [
    "elements:                       # the elements it demonstrates",
    ...item.elements.map((e) => `  - ${yamlQuoted(e)}`),
    "  # An element can carry a note saying how this shows it:",
    `  # - element: ${yamlQuoted(item.elements[0] ?? "1.1.1")}`,
    "  #   note: Section 3 sets out how we do this.",
  ];
}
