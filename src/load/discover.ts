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
export function discoverFiles(tree: SourceTree, standardDir: string): FoundFile[] {
  const found: FoundFile[] = [];
  const std = standardDir.replace(/\/+$/, "");
  walk(tree, std, (file, outside) => {
    const isStandard = file === `${std}/standard.yaml` || file === `${std}/standard.yml`;
    found.push({ file, kind: isStandard ? "standard" : "criterion", outside });
  });
  walk(tree, "evidence", (file, outside) => {
    found.push({
      file,
      kind: file.startsWith("evidence/case-studies/") ? "case-study" : "evidence",
      outside,
    });
  });
  walk(tree, "assessment", (file, outside) => {
    found.push({ file, kind: file.startsWith("assessment/findings/") ? "finding" : "assessment", outside });
  });
  walk(tree, "service-standards", (file, outside) => found.push({ file, kind: "service-standard", outside }));
  return found;
}

function walk(
  tree: SourceTree,
  dir: string,
  visit: (file: string, outside: boolean) => void,
  depth = 0,
): void {
  if (depth > 64) return;
  for (const entry of tree.list(dir)) {
    if (entry.name.startsWith(".")) continue;
    const path = joinPath(dir, entry.name);
    if (entry.kind === "dir") walk(tree, path, visit, depth + 1);
    else if ((entry.kind === "file" || entry.kind === "outside") && YAML.test(entry.name))
      visit(path, entry.kind === "outside");
  }
}
