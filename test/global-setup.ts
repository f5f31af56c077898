import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Many tests run the real binary, which runs the compiled code in dist/. Build it once, before
// any test, when a source is newer than the build (npm test has just built, so then nothing is
// done); never inside a test, where several builds at once would write dist/ under each other.

const ROOT = path.resolve(import.meta.dirname, "..");

function files(dir: string, keep: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .flatMap((e) => (e.isFile() && keep(e.name) ? [path.join(e.parentPath, e.name)] : []));
}

const mtime = (file: string) => fs.statSync(file).mtimeMs;

function buildIsStale(): boolean {
  const sources = [
    ...files(path.join(ROOT, "src"), (n) => n.endsWith(".ts") && !n.endsWith(".test.ts")),
    ...files(path.join(ROOT, "schemas"), (n) => n.endsWith(".json")),
    ...files(path.join(ROOT, "templates"), (n) => n.endsWith(".hbs")),
    path.join(ROOT, "scripts/build-validators.js"),
    path.join(ROOT, "scripts/build-templates.js"),
  ];
  const built = files(path.join(ROOT, "dist"), (n) => n.endsWith(".js"));
  const validators = path.join(ROOT, "dist/schema/compiled-validators.js");
  const templates = path.join(ROOT, "dist/render/html/prebuilt-templates.js");
  if (built.length === 0 || !fs.existsSync(validators) || !fs.existsSync(templates)) return true;
  const oldestBuilt = Math.min(...built.map(mtime));
  return Math.max(...sources.map(mtime)) > oldestBuilt;
}

export default function setup(): void {
  if (!buildIsStale()) return;
  const node = process.execPath;
  execFileSync(node, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  execFileSync(node, [path.join(ROOT, "scripts/build-validators.js")], { cwd: ROOT, stdio: "inherit" });
  execFileSync(node, [path.join(ROOT, "scripts/build-templates.js")], { cwd: ROOT, stdio: "inherit" });
}
