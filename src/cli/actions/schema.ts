import path from "node:path";
import { readSchema, schemaFileNames } from "../../schema/schemas.js";
import { writeFilesAtomically } from "../../util/atomic-write.js";
import { makeFolders, writeFailureReason, writeInsideRoot } from "../../util/write-inside-root.js";
import { CliError } from "../exit-codes.js";
import type { Io } from "../io.js";
import { EXIT } from "../exit-codes.js";

/** `cse schema [--out DIR]`: writes the JSON Schemas (default ./schemas), or lists them with --list. */
export async function schemaAction(opts: { out?: string }, io: Io): Promise<number> {
  const out = path.resolve(io.cwd, opts.out ?? "schemas");
  const files = schemaFileNames().map((name) => ({
    path: path.join(out, name),
    content: JSON.stringify(readSchema(name), null, 2) + "\n",
  }));
  try {
    const inside = path.relative(io.cwd, out);
    if (inside === "" || inside.startsWith("..") || path.isAbsolute(inside)) {
      // A folder the user named outside the current one: it goes where they say.
      makeFolders(out);
      writeFilesAtomically(files);
    } else {
      // A folder inside the current one (./schemas): resolved now, so a link there cannot lead the write out.
      const rel = inside.split(path.sep).join("/");
      writeInsideRoot(
        io.cwd,
        files.map((f) => ({ ...f, path: `${rel}/${path.basename(f.path)}` })),
      );
    }
  } catch (err) {
    throw new CliError(`could not write the schemas to ${opts.out ?? "schemas"}: ${writeFailureReason(err)}`);
  }
  for (const f of files) io.stdout.write(`${path.relative(io.cwd, f.path) || f.path}\n`);
  return EXIT.OK;
}
