import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { SCHEMA_DIR, schemaFileNames } from "./schemas.js";

/**
 * A digest of the shipped schemas' text. The build stores it beside the compiled validators, so
 * validators compiled from older schemas (a build not rerun after an edit) are noticed and not used.
 */
export function schemaDigest(): string {
  digest ??= computeDigest();
  return digest;
}

/** Worked out once a process (the cache's stamp and the prebuilt validators' check both ask). */
let digest: string | undefined;

function computeDigest(): string {
  const hash = createHash("sha256");
  for (const name of schemaFileNames())
    hash
      .update(`${name}\n`)
      .update(readFileSync(SCHEMA_DIR + name))
      .update("\n");
  return hash.digest("hex");
}
