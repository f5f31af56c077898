import { posix } from "node:path";
import type { Diagnostic } from "../diagnostic.js";
import { resolveInside, type SourceTree } from "./source-tree.js";
import { toPosition, type YamlFile } from "./yaml-file.js";

/** The editor's schema line, as `cse new`, `cse init` and the YAML extension of VS Code write it. */
const SCHEMA_LINE = /^#[ \t]*yaml-language-server:[ \t]*\$schema=(\S+)/m;

/** The schema line written in a file: the path it names and where that path starts. */
export interface SchemaLine {
  declared: string;
  line: number;
  column: number;
}

/** The file's schema line, if it has one (a fact of its bytes alone, so `--cache` keeps it). */
export function findSchemaLine(yaml: YamlFile): SchemaLine | null {
  const m = SCHEMA_LINE.exec(yaml.text);
  if (!m) return null;
  const declared = m[1]!;
  return { declared, ...toPosition(yaml.lineCounter, m.index + m[0].length - declared.length) };
}

/**
 * `schema-line`: a `# yaml-language-server: $schema=` line naming a schema file that does not
 * exist from this file's folder (most often a file moved into a subfolder), or the schema of
 * another kind of file. The editor then stops checking the file without a word, so cse says
 * so and gives the right path: from the file's folder to `<root>/schemas/<schema file>`.
 */
export function schemaLineDiagnostic(
  yaml: Pick<YamlFile, "file">,
  found: SchemaLine | null,
  schemaFile: string,
  tree: Pick<SourceTree, "stat">,
): Diagnostic | null {
  if (found === null) return null;
  const { declared, line, column } = found;
  if (/^[a-z][a-z0-9+.-]*:/i.test(declared)) return null; // an address (https:, file:): not ours to judge
  const dir = posix.dirname(yaml.file);
  const target = resolveInside(dir === "." ? "" : dir, declared);
  const exists = target !== null && tree.stat(target).kind === "file";
  const otherKind = exists && !declared.endsWith(`/${schemaFile}`) && declared !== schemaFile;
  if (exists && !otherKind) return null;
  // Without the schemas in <root>/schemas/ there is no right path to give (and schemas kept outside the
  // submission cannot be looked at): say nothing.
  if (tree.stat(`schemas/${schemaFile}`).kind !== "file") return null;
  const right = posix.relative(dir, `schemas/${schemaFile}`);
  return {
    file: yaml.file,
    line,
    column,
    severity: "warning",
    code: "schema-line",
    message: otherKind ? otherSchema(declared, schemaFile, right) : missingSchema(declared, right),
  };
}

function missingSchema(declared: string, right: string): string {
  return (
    `the editor's schema line names ${declared}, which does not exist from this file's folder, so the editor ` +
    `has stopped checking this file; write \`$schema=${right}\``
  );
}

function otherSchema(declared: string, schemaFile: string, right: string): string {
  return (
    `the editor's schema line names ${declared}, the schema of another kind of file, so the editor checks this ` +
    `file against the wrong rules; this file needs ${schemaFile}: write \`$schema=${right}\``
  );
}
