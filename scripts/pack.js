#!/usr/bin/env node
// Makes the release tarball, cse-submission-VERSION.tgz, in the folder given (default: here).
//
// Plain `npm pack` would ship package.json as it is, with the `prepare` script that builds cse
// for developers after `npm ci`; npm then warns everyone who installs the tarball about an
// install script they need not run. So the files npm would pack (its own rules: `files` in
// package.json, README, LICENSE) are copied to a temporary folder beside a package.json without
// scripts or devDependencies, and packed from there. Publish that tarball: `npm publish FILE`.
// Run `npm run build` first (`npm run tarball` does both).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const destination = path.resolve(process.argv[2] ?? ".");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

if (!fs.existsSync(path.join(root, "dist", "cli", "run.js"))) {
  console.error("scripts/pack.js: dist/ is missing; run npm run build first");
  process.exit(1);
}
const listing = execFileSync(npm, ["pack", "--dry-run", "--json", "--ignore-scripts", "--loglevel=warn"], {
  cwd: root,
  encoding: "utf8",
});
const [{ files }] = JSON.parse(listing);
const stage = fs.mkdtempSync(path.join(os.tmpdir(), "cse-pack-"));
try {
  for (const { path: file } of files) {
    if (file === "package.json") continue;
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(stage, file));
  }
  const {
    scripts: _scripts,
    devDependencies: _dev,
    ...manifest
  } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  fs.writeFileSync(path.join(stage, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  fs.mkdirSync(destination, { recursive: true });
  const packed = execFileSync(
    npm,
    ["pack", "--ignore-scripts", "--loglevel=warn", "--pack-destination", destination],
    {
      cwd: stage,
      encoding: "utf8",
    },
  );
  console.log(path.join(destination, packed.trim().split("\n").pop()));
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
