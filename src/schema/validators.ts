import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { FileKind } from "../load/discover.js";
import { readSchema, SCHEMA_FILES, schemaFileNames } from "./schemas.js";

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** A compiled validator per file kind. */
export type Validators = Record<FileKind, ValidateFunction>;

let cached: Validators | null = null;

/** Compiles the shipped schemas once per process. */
export function getValidators(): Validators {
  if (cached) return cached;
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const name of schemaFileNames()) ajv.addSchema(readSchema(name), name);
  const out = {} as Validators;
  for (const [kind, name] of Object.entries(SCHEMA_FILES) as [FileKind, string][]) {
    out[kind] = ajv.getSchema(name)!;
  }
  cached = out;
  return out;
}

export type { ErrorObject };
