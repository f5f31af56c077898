import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { FileKind } from "../load/discover.js";
import { schemaDigest } from "./schema-digest.js";

/** A compiled validator per file kind. */
export type Validators = Record<FileKind, ValidateFunction>;

/**
 * The validators compiled to standalone code at build time (scripts/build-validators.js writes
 * dist/schema/compiled-validators.js), so a run of cse neither loads Ajv's compiler nor compiles
 * the schemas. Running from the sources (vitest) there is no such file, and when the schemas
 * changed after the build the file is out of date: then they are compiled here instead, from
 * the same Ajv set-up.
 */
const prebuilt = await importPrebuilt();
const compileAtRunTime = prebuilt ? null : (await import("./compile-validators.js")).compileValidators;

let cached: Validators | null = prebuilt;

/** The validators, compiled once per process. */
export function getValidators(): Validators {
  cached ??= compileAtRunTime!();
  return cached;
}

async function importPrebuilt(): Promise<Validators | null> {
  const url = new URL("./compiled-validators.js", import.meta.url);
  let mod: { byKind?: Validators; schemaDigest?: string };
  try {
    mod = (await import(url.href)) as typeof mod;
  } catch (err) {
    // Absent is normal from the sources; anything else (a broken build) must be seen.
    if (isNotFound(err)) return null;
    throw err;
  }
  return mod.byKind && mod.schemaDigest === schemaDigest() ? mod.byKind : null;
}

function isNotFound(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  return (
    e?.code === "ERR_MODULE_NOT_FOUND" ||
    /Cannot find module|Failed to load url|does not exist/i.test(e?.message ?? "")
  );
}

export type { ErrorObject };
