import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Every file below `dir` (but `skip`) with the SHA-256 of its bytes, sorted by path. */
export function fingerprint(dir: string, skip: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (skip.includes(r)) continue;
      if (e.isDirectory()) walk(r);
      else
        out[r] = createHash("sha256")
          .update(fs.readFileSync(path.join(dir, r)))
          .digest("hex");
    }
  };
  walk("");
  return out;
}
