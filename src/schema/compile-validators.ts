import type { FileKind } from "../load/discover.js";
import { createAjv } from "./create-ajv.js";
import { SCHEMA_FILES } from "./schemas.js";
import type { Validators } from "./validators.js";

/** Compiles the shipped schemas with Ajv at run time: the fallback when no build has made them. */
export function compileValidators(): Validators {
  const ajv = createAjv();
  const out = {} as Validators;
  for (const [kind, name] of Object.entries(SCHEMA_FILES) as [FileKind, string][]) {
    out[kind] = ajv.getSchema(name)!;
  }
  return out;
}
