import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { readSchema, schemaFileNames } from "./schemas.js";

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/**
 * An Ajv holding every shipped schema under its file name, with the options cse validates with.
 * The same instance compiles the validators at run time (when cse runs from its sources) and
 * generates their standalone code at build time (`standalone: true`), so the two cannot differ.
 */
export function createAjv(opts: { standalone?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // Errors carry the offending data and their schema: schema-diagnostics words its messages from them.
    verbose: true,
    allowUnionTypes: true,
    ...(opts.standalone ? { code: { source: true, esm: true } } : {}),
  });
  addFormats(ajv);
  for (const name of schemaFileNames()) ajv.addSchema(readSchema(name), name);
  return ajv;
}
