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

/** Median wall and CPU (user + system) time of `n` runs, in ms; cpu is null where it cannot be measured. */
async function timeRuns(n, argv, ctx, before = () => {}) {
  const ms = [];
  const cpu = [];
  for (let i = 0; i < n; i++) {
    before(i);
    const r = await runOnce(argv, { ...ctx, isNode: true });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(" ")} failed: ${r.stderr}`);
    ms.push(r.ms);
    if (r.cpuMs !== null) cpu.push(r.cpuMs);
  }
  return { wall: median(ms), cpu: cpu.length === n ? median(cpu) : null };
}

/** CPU time (user + system, ms) a process has used so far, from /proc; null where there is none. */
function cpuOf(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
  } catch {
    return null;
  }
}

/** One evidence file of the submission, edited in a way that changes its bytes but not its meaning. */
function touchOne(dir) {
  const file = firstEvidenceFile(dir);
  return (i) => fs.appendFileSync(file, `# bench edit ${i} ${Date.now()}\n`);
}

/**
 * One evidence item's title, changed (so the page shows the change: the item's entry, the index's
 * row and the elements citing it are rendered again); returns the title to look for in the page.
 */
function retitleOne(dir) {
  const file = firstEvidenceFile(dir);
  const original = fs.readFileSync(file, "utf8");
  if (!/^title: .*$/m.test(original)) throw new Error(`${file} has no title line`);
  return (i) => {
    const title = `Bench edit ${i} ${Date.now()}`;
    fs.writeFileSync(file, original.replace(/^title: .*$/m, `title: ${title}`));
    return title;
  };
}

/** The first evidence item's file (by name) that is not a draft: drafts are left out of the pack. */
function firstEvidenceFile(dir) {
  const folder = path.join(dir, "evidence");
  const first = fs
    .readdirSync(folder, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".yaml") && !f.includes("case-studies"))
    .sort()
    .find((f) => !/^status: draft$/m.test(fs.readFileSync(path.join(folder, f), "utf8")));
  if (first === undefined) throw new Error(`${folder} holds no evidence item that is not a draft`);
  return path.join(folder, first);
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
  // The stream says the version served on connecting: wait for it, so it is not taken for a rebuild.
  while (versions.length === 0) await new Promise((resolve) => (waiting = resolve));
  const retitle = retitleOne(dir);
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const seen = versions.length;
    const cpuBefore = cpuOf(child.pid);
    const started = process.hrtime.bigint();
    const next = new Promise((resolve) => (waiting = resolve));
    const title = retitle(i);
    while (versions.length <= seen) await next;
    const page = await new Promise((resolve) =>
      http.get(url, (res) => {
        const chunks = [];
        res
          .on("data", (c) => chunks.push(c))
          .on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      }),
    );
    if (!page.includes(title)) throw new Error(`the page served after the edit does not show "${title}"`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const cpuAfter = cpuOf(child.pid);
    if (cpuBefore !== null && cpuAfter !== null) cpu.push(cpuAfter - cpuBefore);
  }
  events.destroy();
  child.kill("SIGINT");
  await new Promise((resolve) => child.on("exit", resolve));
  return { wall: median(times), cpu: cpu.length === runs ? median(cpu) : null };
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
  const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
  // Wall time, with the CPU time (user + system) in brackets: on a busy machine the CPU time and
  // the ratios are what hold.
  const f = (t) => (t === null ? "–" : `${sec(t.wall)}${t.cpu === null ? "" : ` (${sec(t.cpu)} CPU)`}`);
  const lines = [
    `| items | validate | --cache, unchanged | ratio (target) | --cache, one file changed | ratio (target) | preview: save to page (target ${PREVIEW_TARGET_MS} ms) |`,
    "|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const t = TARGETS[r.size] ?? TARGETS[30000];
    const ratio = (x, target) => {
      const wall = x.wall / r.plain.wall;
      const cpu = x.cpu !== null && r.plain.cpu !== null ? `; CPU ${(x.cpu / r.plain.cpu).toFixed(2)}×` : "";
      return `${wall.toFixed(2)}×${cpu} (≤ ${target}×: ${wall <= target ? "met" : "missed"})`;
    };
    const pv =
      r.preview === null
        ? "–"
        : `${Math.round(r.preview.wall)} ms${r.preview.cpu === null ? "" : ` (${Math.round(r.preview.cpu)} ms CPU)`} ` +
          `(${r.preview.wall <= PREVIEW_TARGET_MS ? "met" : "missed"})`;
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
