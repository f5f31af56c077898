import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { PROJECT_ROOT } from "./testdir.js";

/** What the sample submission holds, counted from its files, so tests follow the sample as it changes. */
export interface SampleCounts {
  elements: number;
  /** Ready evidence items (drafts are left out of the pack). */
  evidence: number;
  /** Ready case studies. */
  caseStudies: number;
  drafts: number;
}

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Counts read straight from the sample's YAML (not through cse), once. */
export function sampleCounts(): SampleCounts {
  const read = (file: string) => parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  let elements = 0;
  for (const file of yamlFiles(path.join(PROJECT_ROOT, "criteria"))) {
    const data = read(file) as { subcriteria?: { elements: unknown[] }[] };
    for (const sc of data.subcriteria ?? []) elements += sc.elements.length;
  }
  const counts = { elements, evidence: 0, caseStudies: 0, drafts: 0 };
  for (const file of yamlFiles(path.join(PROJECT_ROOT, "evidence"))) {
    const data = read(file) as { status?: string; evidence?: unknown };
    if (data.status === "draft") counts.drafts++;
    // A file's kind is its place (FORMAT.md): case studies live in evidence/case-studies/.
    else if (file.includes(`${path.sep}case-studies${path.sep}`)) counts.caseStudies++;
    else counts.evidence++;
  }
  return counts;
}

/** "57 elements, 62 evidence items, 8 case studies; 2 drafts left out." for the sample. */
export function sampleBuildLine(): string {
  const c = sampleCounts();
  return (
    `${c.elements} elements, ${c.evidence} evidence items, ${c.caseStudies} case studies; ` +
    `${c.drafts} drafts left out.`
  );
}
