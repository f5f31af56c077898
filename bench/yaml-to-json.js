#!/usr/bin/env node
// The step ajv-cli needs before it can check a submission (see docs/benchmarks.md): converts
// every YAML file to JSON with the yaml package (YAML 1.2 core schema, as cse reads it), into
// one folder per file kind, since ajv-cli takes one schema a run.
//
//   node bench/yaml-to-json.js SUBMISSION OUT
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const [submission, out] = process.argv.slice(2).map((p) => path.resolve(p));
if (!submission || !out) {
  process.stderr.write("usage: node bench/yaml-to-json.js SUBMISSION OUT\n");
  process.exit(2);
}

/** The kind of a root-relative YAML path, as cse's discovery decides it (default layout). */
function kindOf(rel) {
  if (rel === "cse.yaml") return "cse";
  if (/^criteria\/standard\.ya?ml$/.test(rel)) return "standard";
  if (rel.startsWith("criteria/")) return "criterion";
  if (rel.startsWith("evidence/case-studies/")) return "case-study";
  if (rel.startsWith("evidence/")) return "evidence";
  if (rel.startsWith("assessment/findings/")) return "finding";
  if (rel.startsWith("assessment/")) return "assessment";
  return null;
}

function convert(rel) {
  const kind = kindOf(rel);
  if (!kind) return;
  const target = path.join(out, kind, rel.replace(/\.ya?ml$/, ".json"));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(parse(fs.readFileSync(path.join(submission, rel), "utf8"))));
}

function walk(dir) {
  for (const e of fs.readdirSync(path.join(submission, dir), { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) walk(rel);
    else if (/\.ya?ml$/.test(e.name)) convert(rel);
  }
}

convert("cse.yaml");
for (const dir of ["criteria", "evidence", "assessment"]) walk(dir);
