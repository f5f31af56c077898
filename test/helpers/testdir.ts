import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach } from "vitest";

const made: string[] = [];

const madeForFile: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

afterAll(() => {
  for (const dir of madeForFile.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
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

/**
 * Copies the sample submission (cse.yaml, criteria, evidence, assessment, docs) into a temporary
 * folder, removed after the test; with `forFile`, after the last test of the file (a copy made
 * in beforeAll and read by several tests).
 */
export function copySample(forFile = false): string {
  const dir = forFile ? fileDir() : testdir({});
  for (const name of ["cse.yaml", "criteria", "evidence", "assessment", "docs"]) {
    fs.cpSync(path.join(PROJECT_ROOT, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

/** An empty temporary folder removed after the last test of the file, not after each test. */
export function fileDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cse-test-")));
  madeForFile.push(dir);
  return dir;
}
