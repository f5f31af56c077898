import type { Diagnostic } from "../diagnostic.js";
import { schemaDiagnostics } from "../schema/schema-diagnostics.js";
import { numericKeyDiagnostics } from "../schema/numeric-keys.js";
import { SCHEMA_FILES } from "../schema/schemas.js";
import { getValidators } from "../schema/validators.js";
import { commentInTextDiagnostics } from "./comment-in-text.js";
import { discoverFiles, listUnreadFiles, normaliseStandardDir, type FileKind } from "./discover.js";
import { ignoredFileDiagnostics } from "./ignored-files.js";
import { schemaLineDiagnostic } from "./schema-line.js";
import { OutsideRootError, resolveInside, TooLargeError, type SourceTree } from "./source-tree.js";
import { positionOf } from "./positions.js";
import { parseYamlFile, unreadableYaml, YAML_LIMITS, type YamlFile } from "./yaml-file.js";

/** A YAML file of the submission, parsed, with its kind. */
export interface LoadedFile {
  kind: FileKind;
  yaml: YamlFile;
}

/** Every YAML file of a submission, parsed and checked against its schema. */
export interface LoadResult {
  files: LoadedFile[];
  /** Syntax, limit and schema problems, in no particular order. */
  diagnostics: Diagnostic[];
}

/**
 * Reads cse.yaml, finds every other file by its place, parses each once and checks it against
 * its JSON Schema. Never throws for anything in the files.
 */
export function loadSubmission(tree: SourceTree): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const files: LoadedFile[] = [];
  const cse = readYaml(tree, "cse.yaml", diagnostics);
  for (const d of diagnostics) if (d.file === "cse.yaml") d.message = cseYamlUnreadable(d.message);
  files.push({ kind: "cse", yaml: cse });
  validate("cse", cse, diagnostics);

  const declared = (cse.data as { standard?: unknown } | null)?.standard;
  let standardDir = typeof declared === "string" ? normaliseStandardDir(declared) : "criteria";
  const st = tree.stat(standardDir);
  // Lazily: a position re-parses the file, and is wanted only for a diagnostic.
  const at = () => positionOf(cse, ["standard"]);
  if (standardDir.startsWith("/") || standardDir.split("/").includes("..") || st.kind === "outside") {
    diagnostics.push({
      file: "cse.yaml",
      ...at(),
      severity: "error",
      code: "outside-root",
      message: `\`standard\` is "${String(declared)}", which is outside the submission's root; keep the standard in a folder inside it, such as criteria`,
    });
    standardDir = "criteria";
  } else if (st.kind !== "dir") {
    diagnostics.push({
      file: "cse.yaml",
      ...at(),
      severity: "error",
      code: "missing-file",
      message: `the standard's folder ${standardDir}/ does not exist; create it with standard.yaml and one file per criterion, or set \`standard\` in cse.yaml`,
    });
  }

  for (const dir of ["evidence", "assessment"]) {
    if (tree.stat(dir).kind === "outside") {
      diagnostics.push({
        file: dir,
        line: 1,
        column: 1,
        severity: "error",
        code: "outside-root",
        message: `${dir}/ is a link to a folder outside the submission's root; cse does not read it: move the folder into the submission instead`,
      });
    }
  }
  const unread: string[] = [];
  const found = discoverFiles(tree, standardDir, unread);
  if (st.kind === "dir" && !found.some((f) => f.kind === "standard")) {
    diagnostics.push({
      file: "cse.yaml",
      ...at(),
      severity: "error",
      code: "missing-file",
      message: `${standardDir}/standard.yaml does not exist; the standard's folder needs it (id, title and ratings)`,
    });
  }
  for (const f of found) {
    if (f.outside) {
      diagnostics.push({
        file: f.file,
        line: 1,
        column: 1,
        severity: "error",
        code: "outside-root",
        message:
          "this file is a link to somewhere outside the submission's root; cse does not read it: copy the file in instead",
      });
      continue;
    }
    const yaml = readYaml(tree, f.file, diagnostics);
    files.push({ kind: f.kind, yaml });
    validate(f.kind, yaml, diagnostics);
  }
  for (const { kind, yaml } of files) {
    const line = schemaLineDiagnostic(yaml, SCHEMA_FILES[kind], tree);
    if (line) diagnostics.push(line);
  }
  unread.push(...listUnreadFiles(tree, "service-standards"));
  diagnostics.push(...ignoredFileDiagnostics(unread, attachmentsOf(files)));
  return { files, diagnostics };
}

/** Root-relative paths of every attachment the evidence items and case studies list. */
function attachmentsOf(files: LoadedFile[]): Set<string> {
  const out = new Set<string>();
  for (const { kind, yaml } of files) {
    if (kind !== "evidence" && kind !== "case-study") continue;
    const listed = (yaml.data as { files?: unknown } | null)?.files;
    if (!Array.isArray(listed)) continue;
    const dir = yaml.file.includes("/") ? yaml.file.slice(0, yaml.file.lastIndexOf("/")) : "";
    for (const f of listed) {
      const resolved = typeof f === "string" ? resolveInside(dir, f) : null;
      if (resolved) out.add(resolved);
    }
  }
  return out;
}

/** cse.yaml's syntax message, saying what its loss means: the rest is checked without it. */
function cseYamlUnreadable(message: string): string {
  return (
    "cse could not read cse.yaml, so the sections and people it declares are not checked until it is " +
    `mended: ${message}`
  );
}

function validate(kind: FileKind, yaml: YamlFile, out: Diagnostic[]): void {
  if (!yaml.ok) return;
  out.push(...commentInTextDiagnostics(yaml), ...numericKeyDiagnostics(kind, yaml));
  const check = getValidators()[kind];
  if (!check(yaml.data)) out.push(...schemaDiagnostics(yaml, check.errors ?? []));
}

function readYaml(tree: SourceTree, file: string, out: Diagnostic[]): YamlFile {
  let bytes: Uint8Array;
  try {
    bytes = tree.read(file, YAML_LIMITS.maxBytes);
  } catch (err) {
    if (err instanceof OutsideRootError) {
      // A link swapped in after discovery: still never read.
      out.push({
        file,
        line: 1,
        column: 1,
        severity: "error",
        code: "outside-root",
        message:
          "this file is a link to somewhere outside the submission's root; cse does not read it: copy the file in instead",
      });
      return unreadableYaml(file);
    }
    const message =
      err instanceof TooLargeError
        ? `the file is ${(err.size / 1024 / 1024).toFixed(1)} MiB, more than the ${YAML_LIMITS.maxBytes / 1024 / 1024} MiB cse reads; split it into smaller files`
        : `the file could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check that it exists and is readable`;
    out.push({
      file,
      line: 1,
      column: 1,
      severity: "error",
      code: err instanceof TooLargeError ? "yaml-limit" : "missing-file",
      message,
    });
    return unreadableYaml(file);
  }
  return parseYamlFile(file, bytes, out);
}
