import type { Diagnostic } from "../diagnostic.js";
import type { LoadedFile } from "../load/load-submission.js";
import { schemaDiagnostics } from "./schema-diagnostics.js";
import { getValidators } from "./validators.js";

/** Checks every parsed file against the JSON Schema of its kind; files that did not parse are skipped. */
export function checkSchemas(files: LoadedFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { kind, yaml } of files) {
    if (!yaml.ok) continue;
    const check = getValidators()[kind];
    if (!check(yaml.data)) out.push(...schemaDiagnostics(yaml, check.errors ?? []));
  }
  return out;
}
