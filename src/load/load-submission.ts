import type { Diagnostic } from "../diagnostic.js";
import { discoverFiles, normaliseStandardDir, type FileKind } from "./discover.js";
import { ignoredFileDiagnostics } from "./ignored-files.js";
import {
  isAbsolutePath,
  OutsideRootError,
  resolveInside,
  TooLargeError,
  type FileSignature,
  type SourceTree,
} from "./source-tree.js";
import { expandedTextSize } from "./expanded-size.js";
import { positionOf } from "./positions.js";
import { parseYamlFile, unreadableYaml, YAML_LIMITS, yamlFileFromCache, type YamlFile } from "./yaml-file.js";
import type { CachedResult, FileCache } from "./file-cache.js";
import { findSchemaLine, type SchemaLine } from "./schema-line.js";
import { errorReason } from "../util/error-reason.js";

/** Said of a YAML file that is a link to outside the root (found so, or swapped in before its read). */
const LINKED_OUT =
  "this file is a link to somewhere outside the submission's root; cse does not read it: copy the file in instead";

/** A YAML file of the submission, parsed, with its kind. */
export interface LoadedFile {
  kind: FileKind;
  yaml: YamlFile;
  /** With a cache: the file's own diagnostics from an earlier run of the same bytes (not checked again). */
  cached?: Diagnostic[];
  /** With a cache and a file read afresh: its content key, and what parsing it said, to keep with its checks. */
  fresh?: { key: string; kindKey: string; diagnostics: Diagnostic[]; signature: FileSignature | null };
  /** The editor's schema line written in the file (known without its text when it came from the cache). */
  schemaLine?: SchemaLine | null;
  /** The size of its data as text (`expandedTextSize` up to the submission's limit), once known. */
  textSize?: number;
}

/** Every YAML file of a submission, parsed (schema/check-schemas.ts then checks each against its schema). */
export interface LoadResult {
  files: LoadedFile[];
  /** Syntax, limit and file problems, in no particular order. */
  diagnostics: Diagnostic[];
}

/** How to load. */
export interface LoadOptions {
  /** Results of an earlier run, used for files whose bytes are unchanged (`--cache`). */
  cache?: FileCache;
}

/**
 * Reads cse.yaml, finds every other file by its place and parses each once. Never throws for
 * anything in the files.
 */
export function loadSubmission(tree: SourceTree, options: LoadOptions = {}): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const files: LoadedFile[] = [];
  const load = (kind: FileKind, file: string) => loadFile(tree, kind, file, diagnostics, options.cache);
  const cseFile = load("cse", "cse.yaml");
  const cse = cseFile.yaml;
  for (const d of diagnostics) if (d.file === "cse.yaml") d.message = cseYamlUnreadable(d.message);
  files.push(cseFile);

  const declared = (cse.data as { standard?: unknown } | null)?.standard;
  let standardDir = typeof declared === "string" ? normaliseStandardDir(declared) : "criteria";
  const st = tree.stat(standardDir);
  // Lazily: a position re-parses the file, and is wanted only for a diagnostic.
  const at = () => positionOf(cse, ["standard"]);
  // Judged on the value as written: "/" loses its slash when normalised, and would read as the root.
  const absolute = typeof declared === "string" && isAbsolutePath(declared);
  if (
    absolute ||
    isAbsolutePath(standardDir) ||
    standardDir.split("/").includes("..") ||
    st.kind === "outside"
  ) {
    diagnostics.push({
      file: "cse.yaml",
      ...at(),
      severity: "error",
      code: "outside-root",
      message:
        `\`standard\` is "${String(declared)}", which is outside the submission's root; ` +
        "keep the standard in a folder inside it, such as criteria",
    });
    standardDir = "criteria";
  } else if (st.kind !== "dir") {
    diagnostics.push({
      file: "cse.yaml",
      ...at(),
      severity: "error",
      code: "missing-file",
      message:
        `the standard's folder ${standardDir}/ does not exist; ` +
        "create it with standard.yaml and one file per criterion, or set `standard` in cse.yaml",
    });
  }

  for (const dir of ["evidence", "assessment", "service-standards"]) {
    if (tree.stat(dir).kind === "outside") {
      diagnostics.push({
        file: dir,
        line: 1,
        column: 1,
        severity: "error",
        code: "outside-root",
        message:
          `${dir}/ is a link to a folder outside the submission's root; ` +
          "cse does not read it: move the folder into the submission instead",
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
        message: LINKED_OUT,
      });
      continue;
    }
    files.push(load(f.kind, f.file));
  }
  diagnostics.push(...ignoredFileDiagnostics(unread, attachmentsOf(files)));
  checkTotalText(files, diagnostics);
  return { files, diagnostics };
}

/** The size of a file's data as text, as the check of the submission's total counts it (and the cache keeps it). */
export function textSizeOf(file: LoadedFile): number {
  file.textSize ??= expandedTextSize(file.yaml.data, YAML_LIMITS.maxSubmissionChars);
  return file.textSize;
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

/**
 * Each file is bounded, but a pack prints them all: the file that takes the submission's text
 * past the limit gets `yaml-limit`, so a submission that validates can always be built.
 */
function checkTotalText(files: LoadedFile[], out: Diagnostic[]): void {
  const limit = YAML_LIMITS.maxSubmissionChars;
  let total = 0;
  for (const f of files) {
    f.textSize ??= expandedTextSize(f.yaml.data, limit);
    total += f.textSize;
    if (total <= limit) continue;
    out.push({
      file: f.yaml.file,
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

/** cse.yaml's syntax message, saying what its loss means: the rest is checked without it. */
function cseYamlUnreadable(message: string): string {
  return (
    "cse could not read cse.yaml, so the sections and people it declares are not checked until it is " +
    `mended: ${message}`
  );
}

/**
 * One file read and parsed. With a cache, an unchanged file (same bytes, same kind) is taken from
 * an earlier run with its own diagnostics, and is neither parsed nor checked again.
 */
function loadFile(
  tree: SourceTree,
  kind: FileKind,
  file: string,
  out: Diagnostic[],
  cache: FileCache | undefined,
): LoadedFile {
  const kindKey = `${kind}\0`;
  // The shortcut: a file whose signature is the one kept with its result is not read at all.
  if (cache && tree.signature) {
    const hit = cache.getBySignature(file, kindKey, () => tree.signature!(file));
    if (hit) return fromCache(kind, file, () => readLater(tree, file), hit);
  }
  const read = readBytes(tree, file, out, cache !== undefined);
  if (read === null) return { kind, yaml: unreadableYaml(file) };
  const { bytes, signature } = read;
  const key = cache?.keyOf(Buffer.concat([Buffer.from(kindKey), bytes]));
  const hit = key === undefined ? undefined : cache?.get(file, key, signature);
  if (hit) return fromCache(kind, file, bytes, hit);
  const own: Diagnostic[] = [];
  const yaml = parseYamlFile(file, bytes, own);
  out.push(...own);
  if (key === undefined) return { kind, yaml };
  return {
    kind,
    yaml,
    fresh: { key, kindKey, diagnostics: own.map((d) => ({ ...d })), signature },
    schemaLine: yaml.ok ? findSchemaLine(yaml) : undefined,
  };
}

/**
 * The bytes of a file taken from the cache by its signature, read only if its text is asked for
 * (to point at a line); a file gone since then reads as empty, as if the position were unknown.
 */
function readLater(tree: SourceTree, file: string): Uint8Array {
  try {
    return tree.read(file, YAML_LIMITS.maxBytes);
  } catch {
    return new Uint8Array(0);
  }
}

function fromCache(
  kind: FileKind,
  file: string,
  bytes: Uint8Array | (() => Uint8Array),
  hit: CachedResult,
): LoadedFile {
  return {
    kind,
    yaml: yamlFileFromCache(file, bytes, hit.data),
    // Copies: a caller may reword a diagnostic (cse.yaml's), which must not change the cache.
    cached: hit.diagnostics.map((d) => ({ ...d })),
    schemaLine: hit.schemaLine,
    textSize: hit.textSize,
  };
}

function readBytes(
  tree: SourceTree,
  file: string,
  out: Diagnostic[],
  signed: boolean,
): { bytes: Uint8Array; signature: FileSignature | null } | null {
  try {
    return signed && tree.readSigned
      ? tree.readSigned(file, YAML_LIMITS.maxBytes)
      : { bytes: tree.read(file, YAML_LIMITS.maxBytes), signature: null };
  } catch (err) {
    if (err instanceof OutsideRootError) {
      // A link swapped in after discovery: still never read.
      out.push({
        file,
        line: 1,
        column: 1,
        severity: "error",
        code: "outside-root",
        message: LINKED_OUT,
      });
      return null;
    }
    const message =
      err instanceof TooLargeError
        ? `the file is ${(err.size / 1024 / 1024).toFixed(1)} MiB, ` +
          `more than the ${YAML_LIMITS.maxBytes / 1024 / 1024} MiB cse reads; split it into smaller files`
        : `the file could not be read (${errorReason(err)}); check that it exists and is readable`;
    out.push({
      file,
      line: 1,
      column: 1,
      severity: "error",
      code: err instanceof TooLargeError ? "yaml-limit" : "missing-file",
      message,
    });
    return null;
  }
}
