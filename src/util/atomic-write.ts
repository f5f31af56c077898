import fs from "node:fs";
import path from "node:path";

/** A file to write. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes files whole or not at all: each goes to a temporary file beside its target, and only
 * when every one is written are they renamed into place. On failure the temporaries are removed
 * and earlier files are left as they were.
 */
export function writeFilesAtomically(files: OutputFile[]): void {
  const temps: { temp: string; target: string }[] = [];
  try {
    for (const f of files) {
      const temp = path.join(path.dirname(f.path), `.${path.basename(f.path)}.${process.pid}.${Date.now()}.tmp`);
      temps.push({ temp, target: f.path });
      const fd = fs.openSync(temp, "wx");
      try {
        fs.writeFileSync(fd, f.content);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
    for (const t of temps) fs.renameSync(t.temp, t.target);
  } catch (err) {
    for (const t of temps) fs.rmSync(t.temp, { force: true });
    throw err;
  }
}
