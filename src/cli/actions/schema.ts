import fs from "node:fs";
import path from "node:path";
import { readSchema, schemaFileNames } from "../../schema/schemas.js";
import { writeFilesAtomically } from "../../util/atomic-write.js";
import type { Io } from "../io.js";
import { EXIT } from "../exit-codes.js";

/** `cse schema [--out DIR]`: writes the JSON Schemas (default ./schemas), or lists them with --list. */
export async function schemaAction(opts: { out?: string }, io: Io): Promise<number> {
  const out = path.resolve(io.cwd, opts.out ?? "schemas");
  const files = schemaFileNames().map((name) => ({
    path: path.join(out, name),
    content: JSON.stringify(readSchema(name), null, 2) + "\n",
  }));
  fs.mkdirSync(out, { recursive: true });
  writeFilesAtomically(files);
  for (const f of files) io.stdout.write(`${path.relative(io.cwd, f.path) || f.path}\n`);
  return EXIT.OK;
}
