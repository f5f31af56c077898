import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Writes `files` (root-relative path → content) into a new temporary folder, removed after the
 * test, and returns its path.
 */
export function testdir(files: Record<string, string | Uint8Array>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cse-test-")));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

/** The project's own folder (the sample submission). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/** Copies the sample submission (cse.yaml, criteria, evidence, assessment, docs) into a temporary folder. */
export function copySample(): string {
  const dir = testdir({});
  for (const name of ["cse.yaml", "criteria", "evidence", "assessment", "docs"]) {
    fs.cpSync(path.join(PROJECT_ROOT, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}
