#!/usr/bin/env node
// `npm run bench:fast`: what --cache and cse preview save (issue 21's targets). For each size it
// times `cse validate` without the cache, with the cache unchanged, and with one file changed
// before each run (medians, the same machine in one run, so the ratios hold on a busy machine),
// then measures the preview: from a file saved to the page served again.
//
//   node bench/fast-feedback.js [--sizes 3000,30000] [--runs 5] [--keep]
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { AS_OF, generate } from "./generate.js";
import { cleanUpMeasure, median, runOnce } from "./lib/measure.js";
import { CSE_BIN } from "./lib/tools.js";

const TARGETS = { 3000: { unchanged: 0.3, oneFile: 0.4 }, 30000: { unchanged: 0.2, oneFile: 0.2 } };
const PREVIEW_TARGET_MS = 1000;

function parseArgs(argv) {
  const o = { sizes: [3000, 30000], runs: 5, keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--sizes") o.sizes = argv[++i].split(",").map(Number);
    else if (argv[i] === "--runs") o.runs = Number(argv[++i]);
    else if (argv[i] === "--keep") o.keep = true;
    else if (argv[i] === "--help" || argv[i] === "-h") {
      process.stdout.write("usage: node bench/fast-feedback.js [--sizes 3000,30000] [--runs 5] [--keep]\n");
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  return o;
}

const log = (s) => process.stderr.write(`${s}\n`);

async function timeRuns(n, argv, ctx, before = () => {}) {
  const ms = [];
  for (let i = 0; i < n; i++) {
    before(i);
    const r = await runOnce(argv, { ...ctx, isNode: true });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(" ")} failed: ${r.stderr}`);
    ms.push(r.ms);
  }
  return median(ms);
}

/** One evidence file of the submission, edited in a way that changes its bytes but not its meaning. */
function touchOne(dir) {
  const folder = path.join(dir, "evidence");
  const first = fs
    .readdirSync(folder, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".yaml") && !f.includes("case-studies"))
    .sort()[0];
  const file = path.join(folder, first);
  return (i) => fs.appendFileSync(file, `# bench edit ${i} ${Date.now()}\n`);
}

async function previewChangeToPage(dir, env, runs) {
  const child = spawn(process.execPath, [CSE_BIN, "preview", "--port", "0", "--as-of", AS_OF], {
    cwd: dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (s) => {
      out += s;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    child.on("exit", () => reject(new Error("preview stopped before serving")));
  });
  const versions = [];
  let waiting = null;
  const events = http.get(`${url}__cse/events`, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk) => {
      for (const m of chunk.matchAll(/data: (\d+)/g)) {
        versions.push(Number(m[1]));
        waiting?.();
      }
    });
  });
  const touch = touchOne(dir);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const seen = versions.length;
    const started = process.hrtime.bigint();
    const next = new Promise((resolve) => (waiting = resolve));
    touch(i);
    while (versions.length <= seen) await next;
    await new Promise((resolve) => http.get(url, (res) => res.resume().on("end", resolve)));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  events.destroy();
  child.kill("SIGINT");
  await new Promise((resolve) => child.on("exit", resolve));
  return median(times);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cse-bench-fast-"));
  const env = { ...process.env, NO_COLOR: "1", SOURCE_DATE_EPOCH: "1767225600" };
  const rows = [];
  try {
    for (const size of opts.sizes) {
      const dir = path.join(scratch, `submission-${size}`);
      log(`bench: ${size} items: generating`);
      generate({ out: dir, items: size });
      const ctx = { cwd: dir, env };
      const validate = [process.execPath, CSE_BIN, "validate", "--as-of", AS_OF];
      const runs = size >= 30000 ? Math.min(opts.runs, 3) : opts.runs;
      await runOnce(validate, ctx); // warm-up: the file system's cache
      const plain = await timeRuns(runs, validate, ctx);
      await runOnce([...validate, "--cache"], ctx); // the cache made
      const unchanged = await timeRuns(runs, [...validate, "--cache"], ctx);
      const oneFile = await timeRuns(runs, [...validate, "--cache"], ctx, touchOne(dir));
      const preview = size <= 3000 ? await previewChangeToPage(dir, env, runs) : null;
      rows.push({ size, plain, unchanged, oneFile, preview });
      if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    cleanUpMeasure();
    if (!opts.keep) fs.rmSync(scratch, { recursive: true, force: true });
  }
  const f = (ms) => (ms === null ? "–" : `${(ms / 1000).toFixed(2)} s`);
  const lines = [
    `| items | validate | --cache, unchanged | ratio (target) | --cache, one file changed | ratio (target) | preview: save to page (target ${PREVIEW_TARGET_MS} ms) |`,
    "|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const t = TARGETS[r.size] ?? TARGETS[30000];
    const ratio = (x, target) =>
      `${(x / r.plain).toFixed(2)}× (≤ ${target}×: ${x / r.plain <= target ? "met" : "missed"})`;
    const pv =
      r.preview === null
        ? "–"
        : `${Math.round(r.preview)} ms (${r.preview <= PREVIEW_TARGET_MS ? "met" : "missed"})`;
    lines.push(
      `| ${r.size.toLocaleString("en-GB")} | ${f(r.plain)} | ${f(r.unchanged)} | ${ratio(r.unchanged, t.unchanged)} | ${f(r.oneFile)} | ${ratio(r.oneFile, t.oneFile)} | ${pv} |`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((err) => {
  log(`bench: ${err.stack ?? err.message}`);
  process.exitCode = 2;
});
