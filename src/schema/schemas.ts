import fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { FileKind } from "../load/discover.js";

/** The folder of the JSON Schemas shipped with cse (the single source of truth for file shapes). */
export const SCHEMA_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

/** Schema file name of each kind of YAML file. */
export const SCHEMA_FILES: Record<FileKind, string> = {
  cse: "cse.schema.json",
  standard: "standard.schema.json",
  criterion: "criterion.schema.json",
  evidence: "evidence.schema.json",
  "case-study": "case-study.schema.json",
  assessment: "assessment.schema.json",
  finding: "finding.schema.json",
  "service-standard": "service-standard.schema.json",
};

/** Every schema file shipped, shared definitions included. */
export function schemaFileNames(): string[] {
  return ["common.schema.json", ...Object.values(SCHEMA_FILES)];
}

/** Reads one shipped schema. */
export function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(SCHEMA_DIR + name, "utf8")) as Record<string, unknown>;
}
