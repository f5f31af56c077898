import fs from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
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
 *
 * Loaded on first use (a run whose files all come from `--cache` checks none against a schema:
 * 170 KB of code it need not compile), synchronously, as Node loads an ES module `require`d.
 */
const PREBUILT = new URL("./compiled-validators.js", import.meta.url);
const hasPrebuilt = PREBUILT.protocol === "file:" && fs.existsSync(fileURLToPath(PREBUILT));
// From the sources there is no prebuilt file: the compiler is imported as a module there (the
// test runner transforms TypeScript on import, not on require).
const compileAtRunTime = hasPrebuilt ? null : (await import("./compile-validators.js")).compileValidators;
const require = createRequire(import.meta.url);

let cached: Validators | null = null;

/** The validators, compiled once per process. */
export function getValidators(): Validators {
  cached ??= loadPrebuilt() ?? (compileAtRunTime ?? compilerOfBuild())();
  return cached;
}

function loadPrebuilt(): Validators | null {
  if (!hasPrebuilt) return null;
  // A broken build (the file there but failing to load) must be seen: not caught.
  const mod = require(fileURLToPath(PREBUILT)) as { byKind?: Validators; schemaDigest?: string };
  return mod.byKind && mod.schemaDigest === schemaDigest() ? mod.byKind : null;
}

/** The compiler in a build whose prebuilt validators are out of date (the schemas edited since). */
function compilerOfBuild(): () => Validators {
  const mod = require("./compile-validators.js") as { compileValidators: () => Validators };
  return mod.compileValidators;
}

export type { ErrorObject };
