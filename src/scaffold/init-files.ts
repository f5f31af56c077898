import type { BundledStandard } from "./bundled-standard.js";
import { gitignore, workflowYaml } from "./init-ci.js";
import { initialConfig, type InitSettings } from "./init-config.js";
import {
  assessmentSkeleton,
  EXAMPLE_CASE_STUDY,
  EXAMPLE_EVIDENCE,
  exampleCaseStudy,
  exampleEvidence,
  findingsReadme,
} from "./init-examples.js";

/** Everything `cse init` needs to know to lay out a new submission. */
export interface InitPlan extends InitSettings {
  /** Today, YYYY-MM-DD: the examples' date. */
  today: string;
  /** The running cse's version, named in the workflow. */
  cseVersion: string;
  /** Where the CI workflow installs cse from, or null to leave it for the user to set. */
  ciPackage: string | null;
}

/** A file of a new submission: its root-relative path, its content, and what it is for. */
export interface PlannedFile {
  path: string;
  content: string | Uint8Array;
  /** What the file is for, or absent for files summed up by their folder. */
  about?: string;
}

/** Folders `cse init` fills: if one exists, the target already holds (part of) a submission. */
export const INIT_FOLDERS = ["criteria", "evidence", "assessment"] as const;

/** Where the .gitignore goes: an existing one is left alone rather than counted as a conflict. */
export const GITIGNORE = ".gitignore";

/** The files of a new submission, in the order they are listed to the user. */
export function initFiles(
  plan: InitPlan,
  standard: BundledStandard,
  schemas: { name: string; content: string }[],
): PlannedFile[] {
  const files: PlannedFile[] = [
    { path: "cse.yaml", content: initialConfig(plan), about: "settings: who, sections, the visit" },
  ];
  for (const f of standard.files) files.push({ path: `criteria/${f.name}`, content: f.content });
  files.push(
    {
      path: EXAMPLE_EVIDENCE,
      content: exampleEvidence(plan.today),
      about: "an example evidence item (a draft)",
    },
    {
      path: EXAMPLE_CASE_STUDY,
      content: exampleCaseStudy(plan.today),
      about: "an example case study (a draft)",
    },
  );
  standard.criteria.forEach((c, i) => {
    files.push({
      path: `assessment/criterion-${c.id}.yaml`,
      content: assessmentSkeleton(c, standard.ratings, i === 0),
    });
  });
  files.push({
    path: "assessment/findings/README.md",
    content: findingsReadme(standard.ratings),
    about: "how to record the assessor's findings",
  });
  for (const s of schemas) files.push({ path: `schemas/${s.name}`, content: s.content });
  files.push(
    { path: GITIGNORE, content: gitignore("out"), about: "keeps built packs (out/) out of git" },
    {
      path: ".github/workflows/cse.yml",
      content: workflowYaml(plan.cseVersion, plan.ciPackage),
      about: "runs validate and gaps on GitHub",
    },
  );
  return files;
}
