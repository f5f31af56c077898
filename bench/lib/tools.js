// What the bench can run on this machine: which cse commands exist yet, ajv-cli (with the
// YAML-to-JSON pre-step it needs) and headless Chromium.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const require = createRequire(import.meta.url);

/** The cse entry point of this checkout. */
export const CSE_BIN = path.join(REPO, "bin", "cse.js");

/**
 * Which cse commands exist, read from their --help: {validate, gaps, buildHtml, buildPdf, buildPdfSplit, buildDocx}, each
 * {ok, asOf (takes --as-of), why (when not ok)}.
 */
export function detectCseCommands() {
  const help = (cmd) =>
    spawnSync(process.execPath, [CSE_BIN, cmd, "--help"], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
  const describe = (cmd, need = () => true, missing = "") => {
    const r = help(cmd);
    // `cse nosuch --help` prints the program's help and exits 0, so look for the command's own usage line.
    if (r.status !== 0 || !r.stdout.includes(`Usage: cse ${cmd}`))
      return { ok: false, asOf: false, why: `\`cse ${cmd}\` does not exist yet` };
    if (!need(r.stdout)) return { ok: false, asOf: false, why: missing };
    return { ok: true, asOf: r.stdout.includes("--as-of") };
  };
  return {
    validate: describe("validate"),
    gaps: describe("gaps"),
    buildHtml: describe("build", (t) => /html/.test(t), "`cse build` does not offer html yet"),
    buildPdf: describe("build", (t) => /pdf/.test(t), "`cse build` does not offer pdf yet"),
    buildDocx: describe("build", (t) => /docx/.test(t), "`cse build` does not offer docx yet"),
    buildPdfSplit: describe("build", (t) => /--split/.test(t), "`cse build` does not offer --split yet"),
  };
}

/** ajv-cli's entry and version, or null when it is not installed. */
export function findAjvCli() {
  try {
    const pkgFile = require.resolve("ajv-cli/package.json");
    const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8"));
    const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin.ajv;
    return { bin: path.join(path.dirname(pkgFile), bin), version: pkg.version };
  } catch {
    return null;
  }
}

/** Headless Chromium's path and version ($CHROMIUM, then the usual names), or null. */
export function findChromium() {
  const candidates = [
    process.env.CHROMIUM,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ].filter(Boolean);
  for (const bin of candidates) {
    if (!fs.existsSync(bin)) continue;
    const r = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 30_000 });
    if (r.status === 0) return { bin, version: r.stdout.trim() };
  }
  return null;
}

/** The argv of headless Chromium printing `html` to `pdf`. */
export function chromiumArgv(chromium, html, pdf, profile) {
  return [
    chromium.bin,
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-pdf-header-footer",
    `--user-data-dir=${profile}`,
    `--print-to-pdf=${pdf}`,
    `file://${html}`,
  ];
}

const KINDS = ["cse", "standard", "criterion", "evidence", "case-study", "assessment", "finding"];

/** The argv of the YAML-to-JSON step ajv-cli needs (bench/yaml-to-json.js). */
export function yamlToJsonArgv(submission, out) {
  return [process.execPath, fileURLToPath(new URL("../yaml-to-json.js", import.meta.url)), submission, out];
}

/**
 * ajv-cli reads YAML with js-yaml 3 (YAML 1.1), which turns an unquoted 2025-06-30 into a Date
 * and fails every `date` field, and it adds referenced schemas by their `$id`, which cse's
 * schemas (referenced by file name) do not carry. So the bench converts the submission to JSON
 * first (yamlToJsonArgv, measured on its own) and gives ajv-cli copies of the schemas with `$id`
 * set to their file name, written here into OUT/schemas.
 */
export function prepareAjvSchemas(out) {
  fs.mkdirSync(path.join(out, "schemas"), { recursive: true });
  const schemaDir = path.join(REPO, "schemas");
  for (const name of fs.readdirSync(schemaDir)) {
    if (!name.endsWith(".schema.json")) continue;
    const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, name), "utf8"));
    fs.writeFileSync(path.join(out, "schemas", name), JSON.stringify({ $id: name, ...schema }));
  }
}

/** One ajv-cli process per file kind (it takes one schema a run), as a user would script it. */
export function ajvArgvs(ajv, jsonDir) {
  return KINDS.filter((k) => fs.existsSync(path.join(jsonDir, k))).map((k) => [
    process.execPath,
    ajv.bin,
    "validate",
    "--spec=draft2020",
    "--all-errors",
    "--strict=true",
    "--allow-union-types",
    "--errors=text",
    "-c",
    "ajv-formats",
    "-s",
    `schemas/${k}.schema.json`,
    "-r",
    "schemas/common.schema.json",
    "-d",
    `${k}/**/*.json`,
  ]);
}
