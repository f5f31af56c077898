import { joinPath, type SourceTree } from "./source-tree.js";

/** The kinds of YAML file in a submission, each with its own schema. */
export type FileKind =
  | "cse"
  | "standard"
  | "criterion"
  | "evidence"
  | "case-study"
  | "assessment"
  | "finding"
  | "service-standard";

/** A YAML file found in a submission, and what kind it is by its place. */
export interface FoundFile {
  file: string;
  kind: FileKind;
  /** True when the file is a link that leads out of the root (it is not read). */
  outside?: boolean;
}

const YAML = /\.ya?ml$/i;

/** cse.yaml's `standard` as a root-relative folder: `/` separators, no leading `./`, no trailing `/`. */
export function normaliseStandardDir(declared: string): string {
  return declared.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
}

/**
 * Lists a submission's YAML files by kind, in path order. Names starting with `.` are skipped;
 * links to folders are not followed.
 */
export function discoverFiles(tree: SourceTree, standardDir: string, unread?: string[]): FoundFile[] {
  const found: FoundFile[] = [];
  const std = standardDir.replace(/\/+$/, "");
  const other = unread ? (file: string) => unread.push(file) : undefined;
  walk(tree, std, other, (file, outside) => {
    const isStandard = file === `${std}/standard.yaml` || file === `${std}/standard.yml`;
    found.push({ file, kind: isStandard ? "standard" : "criterion", outside });
  });
  walk(tree, "evidence", other, (file, outside) => {
    found.push({
      file,
      kind: file.startsWith("evidence/case-studies/") ? "case-study" : "evidence",
      outside,
    });
  });
  walk(tree, "assessment", other, (file, outside) => {
    found.push({ file, kind: file.startsWith("assessment/findings/") ? "finding" : "assessment", outside });
  });
  walk(tree, "service-standards", other, (file, outside) =>
    found.push({ file, kind: "service-standard", outside }),
  );
  return found;
}

/** Every file below `dir` that is not read as YAML (attachments, and YAML saved under another name). */
export function listUnreadFiles(tree: SourceTree, dir: string): string[] {
  const unread: string[] = [];
  walk(
    tree,
    dir,
    (file) => unread.push(file),
    () => {},
  );
  return unread;
}

/** Walks `dir`, handing YAML files to `visit` and (when given) every other file to `other`. */
function walk(
  tree: SourceTree,
  dir: string,
  other: ((file: string) => void) | undefined,
  visit: (file: string, outside: boolean) => void,
  depth = 0,
): void {
  if (depth > 64) return;
  for (const entry of tree.list(dir)) {
    if (entry.name.startsWith(".")) continue;
    const path = joinPath(dir, entry.name);
    if (entry.kind === "dir") walk(tree, path, other, visit, depth + 1);
    else if ((entry.kind === "file" || entry.kind === "outside") && YAML.test(entry.name))
      visit(path, entry.kind === "outside");
    else if (entry.kind === "file") other?.(path);
  }
}
