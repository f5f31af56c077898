import type { Diagnostic } from "../diagnostic.js";
import { schemaDiagnostics } from "../schema/schema-diagnostics.js";
import { getValidators } from "../schema/validators.js";
import { discoverFiles, normaliseStandardDir, type FileKind } from "./discover.js";
import { OutsideRootError, TooLargeError, type SourceTree } from "./source-tree.js";
import { expandedTextSize } from "./expanded-size.js";
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
  files.push({ kind: "cse", yaml: cse });
  validate("cse", cse, diagnostics);

  const declared = (cse.data as { standard?: unknown } | null)?.standard;
  let standardDir = typeof declared === "string" ? normaliseStandardDir(declared) : "criteria";
  const st = tree.stat(standardDir);
  // Lazily: a position re-parses the file, and is wanted only for a diagnostic.
  const at = () => positionOf(cse, ["standard"]);
  // Judged on the value as written: "/" loses its slash when normalised, and would read as the root.
  const absolute = typeof declared === "string" && /^([\\/]|[A-Za-z]:)/.test(declared);
  if (
    absolute ||
    standardDir.startsWith("/") ||
    standardDir.split("/").includes("..") ||
    st.kind === "outside"
  ) {
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
  const found = discoverFiles(tree, standardDir);
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
  checkTotalText(files, diagnostics);
  return { files, diagnostics };
}

/**
 * Each file is bounded, but a pack prints them all: the file that takes the submission's text
 * past the limit gets `yaml-limit`, so a submission that validates can always be built.
 */
function checkTotalText(files: LoadedFile[], out: Diagnostic[]): void {
  const limit = YAML_LIMITS.maxSubmissionChars;
  let total = 0;
  for (const { yaml } of files) {
    total += expandedTextSize(yaml.data, limit);
    if (total <= limit) continue;
    out.push({
      file: yaml.file,
      line: 1,
      column: 1,
      severity: "error",
      code: "yaml-limit",
      message: totalTooLargeMessage(limit),
    });
    return;
  }
}

function totalTooLargeMessage(limit: number): string {
  return (
    `with this file the submission's YAML holds more than ${limit / 1024 / 1024} MiB of text ` +
    "(aliases written out), more than a pack can hold; shorten the longest texts or move them into attachments"
  );
}

function validate(kind: FileKind, yaml: YamlFile, out: Diagnostic[]): void {
  if (!yaml.ok) return;
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
