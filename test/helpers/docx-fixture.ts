import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { minimalSubmission } from "./minimal.js";
import { runCse } from "./run-cli.js";

export const DOCX_EPOCH = { SOURCE_DATE_EPOCH: "1420934400" }; // 2015-01-11

/** The minimal submission in Welsh, with Markdown that exercises lists, emphasis, links and mentions. */
export function docxFixture(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = { ...minimalSubmission() };
  files["cse.yaml"] = files["cse.yaml"] + "title: Pecyn prawf\nbuild:\n  language: cy\n";
  files["evidence/E001.yaml"] = `id: E001
title: Customer profile
description: |
  Who our customers are, *in short*; see [the survey](https://example.org/survey) and E002.

  1. First point
  2. Second point, backing 1.2.1

  - a bullet

  [Read in English too]{lang=en-GB}.
type: report
date: 2014-06-01
owner: ann
files: [profile.pdf]
elements: ["1.1.1", "1.1.2"]
`;
  files["evidence/profile.pdf"] = "%PDF-1.4 a test attachment\n";
  return files;
}

/**
 * Writes the fixture to a new folder under the system's temporary folder and builds its Word
 * pack there (out/submission.docx); returns the folder, which the caller removes.
 */
export async function buildDocxFixture(): Promise<string> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cse-docx-")));
  for (const [rel, content] of Object.entries(docxFixture())) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  const r = await runCse(["build", "--format", "docx"], { cwd: dir, env: DOCX_EPOCH });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("Wrote out/submission.docx");
  return dir;
}
