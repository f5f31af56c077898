#!/usr/bin/env node
// The floor for `cse validate`: only find, read and parse the same YAML files with the yaml
// package, nothing else. No tool that reads YAML can validate faster than this in Node.
//
//   node bench/floor-parse.js DIR
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const root = path.resolve(process.argv[2] ?? ".");
let files = 0;

function walk(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.isFile() && /\.ya?ml$/i.test(e.name)) read(p);
  }
}

function read(file) {
  parse(fs.readFileSync(file, "utf8"));
  files++;
}

read(path.join(root, "cse.yaml"));
for (const dir of ["criteria", "evidence", "assessment"]) walk(path.join(root, dir));
process.stdout.write(`parsed ${files} files\n`);
