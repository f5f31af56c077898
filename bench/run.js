#!/usr/bin/env node
// `npm run bench`: generates synthetic submissions of several sizes, runs cse's commands on them
// as whole processes beside their floors and beside what a user would otherwise run (ajv-cli,
// headless Chromium), and prints the medians, peak memory and the targets of issue 8.
//
//   node bench/run.js [--sizes 300,3000,30000] [--runs 5] [--quick] [--only validate,gaps]
//                     [--keep] [--timeout 900] [--doc docs/benchmarks.md] [--json FILE]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AS_OF, generate } from "./generate.js";
import { cleanUpMeasure, median, MEMORY_METHOD, runOnce } from "./lib/measure.js";
import { evaluateTargets, GROWTH_KEYS, measurementsTable, targetsTable } from "./lib/report.js";
import {
  ajvArgvs,
  chromiumArgv,
  CSE_BIN,
  detectCseCommands,
  findAjvCli,
  findChromium,
  prepareAjvSchemas,
  yamlToJsonArgv,
} from "./lib/tools.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const FLOOR = fileURLToPath(new URL("./floor-parse.js", import.meta.url));
const TASK_KEYS = [
  "validate",
  "gaps",
  "ajv-cli",
  "build-html",
  "chromium",
  "build-pdf",
  "build-pdf-split",
  "build-docx",
];
const USAGE = `usage: node bench/run.js [options]   (npm run bench -- [options])

  --sizes LIST     evidence items per submission (default 300,3000,30000)
  --runs N         measured runs of each command after one warm-up (default 5; 3 at 30,000+)
  --quick          --sizes 300 --runs 3
  --only LIST      run only these of ${TASK_KEYS.join(",")} (floors always run)
  --timeout S      kill a run after S seconds (default 900)
  --slow S         a command whose warm-up takes over S seconds is measured by that run alone (default 60)
  --growth-runs N  but the larger end of a growth pair, however slow, is measured N times, its
                   warm-up counting as one (default 3: one run of a long build is too noisy to
                   compare with the smaller size's median)
  --chromium-max N largest size Chromium prints (default 3000: a 30,000-item page takes it very long)
  --docx-max N     largest size the Word pack is built at (default: every size)
  --chromium-timeout S  stop Chromium after S seconds (default: --timeout); a print stopped
                   unfinished counts as taking at least S seconds (a lower bound, said so)
  --keep           keep the generated submissions (their folder is printed)
  --doc FILE       also write the tables into FILE between the bench markers
  --json FILE      also write the raw results as JSON
`;

function parseArgs(argv) {
  const o = {
    sizes: [300, 3000, 30000],
    runs: null,
    only: null,
    keep: false,
    timeout: 900,
    slow: 60,
    growthRuns: 3,
    chromiumMax: 3000,
    docxMax: Infinity,
    chromiumTimeout: null,
    doc: null,
    json: null,
  };
  const list = (s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--sizes") o.sizes = list(value()).map(Number);
    else if (a === "--runs") o.runs = Number(value());
    else if (a === "--quick") Object.assign(o, { sizes: [300], runs: 3 });
    else if (a === "--only") o.only = list(value());
    else if (a === "--timeout") o.timeout = Number(value());
    else if (a === "--slow") o.slow = Number(value());
    else if (a === "--growth-runs") o.growthRuns = Number(value());
    else if (a === "--chromium-max") o.chromiumMax = Number(value());
    else if (a === "--docx-max") o.docxMax = Number(value());
    else if (a === "--chromium-timeout") o.chromiumTimeout = Number(value());
    else if (a === "--keep") o.keep = true;
    else if (a === "--doc") o.doc = value();
    else if (a === "--json") o.json = value();
    else if (a === "--help" || a === "-h") {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n\n${USAGE}`);
  }
  if (!o.sizes.length || o.sizes.some((s) => !Number.isInteger(s) || s < 6))
    throw new Error("--sizes takes whole numbers of at least 6, separated by commas");
  if (o.runs !== null && (!Number.isInteger(o.runs) || o.runs < 1))
    throw new Error("--runs takes a whole number of at least 1");
  if (!Number.isInteger(o.growthRuns) || o.growthRuns < 1)
    throw new Error("--growth-runs takes a whole number of at least 1");
  for (const k of o.only ?? [])
    if (!TASK_KEYS.includes(k)) throw new Error(`--only takes ${TASK_KEYS.join(", ")}; not "${k}"`);
  return o;
}

function log(s) {
  process.stderr.write(`${s}\n`);
}

/** The machine, for the record beside the numbers. */
function describeMachine(tools) {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch {
    // not Linux
  }
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: REPO,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src", "bin", "schemas"], {
      cwd: REPO,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    if (dirty) commit += " (with uncommitted changes)";
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpu,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    commit,
    memoryMethod:
      MEMORY_METHOD === "gnu-time"
        ? "GNU time (%M, maximum resident set size)"
        : "process.resourceUsage().maxRSS at exit (Node processes only)",
    ajvCli: tools.ajv ? tools.ajv.version : "not installed",
    chromium: tools.chromium ? tools.chromium.version : "not found",
  };
}

/**
 * A task: one thing measured at one size. `argvs` run one after another and count as one run
 * (ajv-cli takes one schema a process). `prepare` runs once before the warm-up.
 */
function task(key, label, size, argvs, extra = {}) {
  return { key, label, size, argvs, runs: 0, times: [], cpus: [], peaks: [], ...extra };
}

async function runTask(t, { cwd, env, timeoutMs: defaultTimeoutMs }) {
  const timeoutMs = t.timeoutMs ?? defaultTimeoutMs;
  let ms = 0;
  let cpu = 0;
  let peak = null;
  for (const argv of t.argvs) {
    const r = await runOnce(argv, {
      cwd: t.cwd ?? cwd,
      env,
      timeoutMs,
      isNode: argv[0] === process.execPath,
    });
    if (r.timedOut && t.lowerBoundOnTimeout)
      // Stopped unfinished: all that is known is that it takes at least this long.
      return { ms: timeoutMs, cpu: null, peak: r.peakKiB ?? null, atLeast: true };
    if (r.timedOut) return { error: `timed out after ${timeoutMs / 1000} s` };
    const okStatus = t.okStatus ?? [0];
    if (r.status === null || !okStatus.includes(r.status)) {
      const line =
        r.stderr.trim().split("\n").filter(Boolean).slice(-3).join(" / ").slice(0, 200) ||
        `signal ${r.signal}`;
      return { error: `exit ${r.status ?? r.signal}: ${line}` };
    }
    ms += r.ms;
    cpu = cpu === null || r.cpuMs === null ? null : cpu + r.cpuMs;
    if (r.peakKiB != null) peak = Math.max(peak ?? 0, r.peakKiB);
  }
  if (t.check) {
    const problem = t.check();
    if (problem) return { error: problem };
  }
  return { ms, cpu, peak };
}

/**
 * Runs every task once to warm up (and to find the ones that fail or are slow), then `runs`
 * rounds in which each task runs once: round-robin, so drift of the machine hits every command
 * and its floor alike. A task whose warm-up is slow is measured by that run alone, unless it is
 * the larger end of a growth pair (`growth.sizes` after the first): that one takes part in the
 * first `growth.runs - 1` rounds as well, its warm-up counting as a run, because the growth
 * verdict compares it with a median and one run of a long build can be off by a tenth.
 */
async function measureAll(tasks, { runs, slowMs, growth, ...ctx }) {
  for (const t of tasks) {
    if (t.skipped || t.failed) continue;
    log(`  warm-up ${t.label}${t.size ? ` (${t.size})` : ""}`);
    t.prepare?.();
    const r = await runTask(t, ctx);
    if (r.error) {
      Object.assign(t, { failed: true, note: r.error });
      log(`    failed: ${r.error}`);
      continue;
    }
    if (r.atLeast) {
      Object.assign(t, {
        single: true,
        atLeast: true,
        note: [t.note, `stopped unfinished after ${r.ms / 1000} s: it takes at least that`].join("; "),
      });
      t.times.push(r.ms);
      if (r.peak != null) t.peaks.push(r.peak);
    } else if (r.ms > slowMs) {
      // Slow enough that caches do not matter: the warm-up is a measurement.
      const larger = growth && GROWTH_KEYS.includes(t.key) && t.size > Math.min(...growth.sizes);
      const rounds = larger ? Math.min(growth.runs - 1, runs) : 0;
      Object.assign(t, {
        single: true,
        rounds,
        note: [
          t.note,
          `warm-up over ${slowMs / 1000} s, ${rounds ? `measured ${rounds + 1} times, the warm-up one of them` : "measured once"}`,
        ]
          .filter(Boolean)
          .join("; "),
      });
      t.times.push(r.ms);
      if (r.cpu != null) t.cpus.push(r.cpu);
      if (r.peak != null) t.peaks.push(r.peak);
    }
  }
  for (let round = 1; round <= runs; round++) {
    const due = tasks.filter((t) => !t.skipped && !t.failed && (!t.single || round <= (t.rounds ?? 0)));
    if (due.length === 0) break;
    log(`  round ${round}/${runs}`);
    for (const t of due) if (!t.failed) await runAndRecord(t, ctx);
  }
  for (const t of tasks) summarise(t);
}

/** One measured run of a task: its time, CPU and peak added to the task's, or the task marked failed. */
async function runAndRecord(t, ctx) {
  const r = await runTask(t, ctx);
  if (r.error) {
    Object.assign(t, { failed: true, note: r.error });
    return;
  }
  t.times.push(r.ms);
  if (r.cpu != null) t.cpus.push(r.cpu);
  if (r.peak != null) t.peaks.push(r.peak);
}

function summarise(t) {
  t.runs = t.times.length;
  t.medianMs = median(t.times);
  t.minMs = Math.min(...t.times);
  t.cpuMs = t.cpus.length === t.times.length && !t.cpuUnknown ? median(t.cpus) : null;
  t.peakKiB = t.peaks.length ? Math.max(...t.peaks) : null;
}

/**
 * Runs the smaller size's growth commands again, now that the larger size is measured, as many
 * times as before, so each growth pair's smaller end is the median of runs made before and after
 * the larger end's: the machine's speed drifts over the minutes a 30,000-item build takes (the
 * same 3,000-item Word build took 6.7 s at one hour and 10.2 s a quarter of an hour later), and a
 * growth ratio of one size measured in a fast spell and the next in a slow one is drift.
 */
async function remeasureSmaller(smaller, larger, ctx) {
  const measuredLarger = new Set(larger.filter((t) => !t.skipped && !t.failed).map((t) => t.key));
  const again = smaller.filter(
    (t) => GROWTH_KEYS.includes(t.key) && measuredLarger.has(t.key) && !t.skipped && !t.failed && !t.atLeast,
  );
  if (again.length === 0) return;
  log(`  the ${again[0].size}-item end of each growth pair again, after the larger`);
  const rounds = Math.max(...again.map((t) => t.times.length));
  for (let round = 0; round < rounds; round++)
    for (const t of again) {
      if (t.failed || round >= t.runs) continue;
      await runAndRecord(t, ctx);
    }
  for (const t of again) {
    summarise(t);
    t.note = [t.note, "half the runs after the next size's"].filter(Boolean).join("; ");
  }
}

function tasksForSize(size, dir, scratch, tools, opts) {
  const cse = (args, asOf) => [process.execPath, CSE_BIN, ...args, ...(asOf ? ["--as-of", AS_OF] : [])];
  const want = (k) => !opts.only || opts.only.includes(k);
  const unavailable = (why) => ({ skipped: true, note: why });
  const { commands } = tools;
  const list = [
    task("floor-parse", "floor: read + parse YAML (yaml package)", size, [[process.execPath, FLOOR, dir]]),
  ];
  if (want("validate"))
    list.push(
      task("validate", "cse validate", size, [cse(["validate"], commands.validate.asOf)], {
        compare: { key: "floor-parse" },
        ...(commands.validate.ok ? {} : unavailable(commands.validate.why)),
      }),
    );
  if (want("gaps"))
    list.push(
      task("gaps", "cse gaps", size, [cse(["gaps"], commands.gaps.asOf)], {
        compare: { key: "validate" },
        ...(commands.gaps.ok ? {} : unavailable(commands.gaps.why)),
      }),
    );
  if (want("ajv-cli")) {
    const jsonDir = path.join(scratch, `json-${size}`);
    if (tools.ajv) {
      list.push(
        task(
          "yaml-to-json",
          "YAML→JSON conversion that ajv-cli needs (yaml package)",
          size,
          [yamlToJsonArgv(dir, jsonDir)],
          { compare: { key: "floor-parse" } },
        ),
      );
      list.push(
        task("ajv-cli", "ajv-cli, same files (as JSON) and schemas", size, [], {
          cwd: jsonDir,
          compare: { key: "validate" },
          prepare() {
            // Runs after the conversion's warm-up, so the folders of each kind exist.
            prepareAjvSchemas(jsonDir);
            this.argvs = ajvArgvs(tools.ajv, jsonDir);
            this.note = `${this.argvs.length} processes, one per schema`;
          },
        }),
      );
    } else
      list.push(task("ajv-cli", "ajv-cli", size, [], unavailable("ajv-cli is not installed (npm install)")));
  }
  const html = path.join(dir, "out", "submission.html");
  if (want("build-html"))
    list.push(
      task(
        "build-html",
        "cse build --format html",
        size,
        [cse(["build", "--format", "html"], commands.buildHtml.asOf)],
        {
          check: () => (fs.existsSync(html) ? null : "no out/submission.html written"),
          ...(commands.buildHtml.ok ? {} : unavailable(commands.buildHtml.why)),
        },
      ),
    );
  if (want("chromium")) {
    const why = !tools.chromium
      ? "Chromium not found (apt-get install chromium, or set CHROMIUM)"
      : !commands.buildHtml.ok || !want("build-html")
        ? "needs the HTML pack of `cse build --format html`"
        : size > opts.chromiumMax
          ? `above --chromium-max ${opts.chromiumMax}`
          : null;
    const pdf = path.join(scratch, `chromium-${size}.pdf`);
    list.push(
      task(
        "chromium",
        "headless Chromium printing the HTML pack to PDF",
        size,
        why ? [] : [chromiumArgv(tools.chromium, html, pdf, path.join(scratch, "chromium-profile"))],
        {
          compare: { key: ["build-pdf", "build-html"] },
          note: "browser process's CPU and memory only",
          // The page is laid out and printed in renderer processes the browser does not wait for.
          cpuUnknown: true,
          timeoutMs: (opts.chromiumTimeout ?? opts.timeout) * 1000,
          lowerBoundOnTimeout: true,
          check: () => (fs.existsSync(pdf) && fs.statSync(pdf).size > 0 ? null : "Chromium wrote no PDF"),
          prepare: () => fs.rmSync(pdf, { force: true }),
          ...(why ? unavailable(why) : {}),
        },
      ),
    );
  }
  if (want("build-pdf"))
    list.push(
      task(
        "build-pdf",
        "cse build --format pdf",
        size,
        [cse(["build", "--format", "pdf"], commands.buildPdf.asOf)],
        {
          check: () =>
            fs.existsSync(path.join(dir, "out", "submission.pdf")) ? null : "no out/submission.pdf written",
          ...(commands.buildPdf.ok ? {} : unavailable(commands.buildPdf.why)),
        },
      ),
    );
  if (want("build-pdf-split"))
    list.push(
      task(
        "build-pdf-split",
        "cse build --format pdf --split criterion",
        size,
        [cse(["build", "--format", "pdf", "--split", "criterion"], commands.buildPdfSplit.asOf)],
        {
          check: () =>
            fs.existsSync(path.join(dir, "out", "submission-volumes", "00-contents.pdf"))
              ? null
              : "no out/submission-volumes/00-contents.pdf written",
          ...(commands.buildPdfSplit.ok ? {} : unavailable(commands.buildPdfSplit.why)),
        },
      ),
    );
  if (want("build-docx"))
    list.push(
      task(
        "build-docx",
        "cse build --format docx",
        size,
        [cse(["build", "--format", "docx"], commands.buildDocx.asOf)],
        {
          check: () =>
            fs.existsSync(path.join(dir, "out", "submission.docx")) ? null : "no out/submission.docx written",
          ...(!commands.buildDocx.ok
            ? unavailable(commands.buildDocx.why)
            : size > opts.docxMax
              ? unavailable(`above --docx-max ${opts.docxMax}`)
              : {}),
        },
      ),
    );
  return list;
}

/** ajv-cli as a user of these YAML files would run it: the conversion, then ajv-cli (sum of medians). */
function ajvWithConversion(tasks, size) {
  const a = tasks.find((t) => t.key === "ajv-cli");
  const c = tasks.find((t) => t.key === "yaml-to-json");
  if (!a || !c || a.skipped || a.failed || c.skipped || c.failed) return [];
  return [
    {
      key: "ajv-cli-total",
      label: "ajv-cli including the conversion (sum of the two medians)",
      size,
      runs: Math.min(a.runs, c.runs),
      medianMs: a.medianMs + c.medianMs,
      minMs: a.minMs + c.minMs,
      cpuMs: a.cpuMs != null && c.cpuMs != null ? a.cpuMs + c.cpuMs : null,
      peakKiB: Math.max(a.peakKiB ?? 0, c.peakKiB ?? 0) || null,
      compare: { key: "validate" },
    },
  ];
}

function render(machine, opts, results, targets, command) {
  return `Measured on ${machine.date}: ${machine.cpus} CPUs (${machine.cpu}), ${machine.memoryGiB} GiB memory, Node ${machine.node}, ${machine.os}; cse at ${machine.commit}; ajv-cli ${machine.ajvCli}; ${machine.chromium}.
Times are wall-clock medians of whole processes (${opts.runsLabel}); CPU is user + system time (the process and the children it waited for); peak memory is the largest across runs, by ${machine.memoryMethod}. Every command runs in the submission's folder with \`--as-of ${AS_OF}\` where it takes it. A command whose time is compared from one size to the next is run again on the smaller submission after the larger one's runs, as many times as before, and its median is over both.

Reproduce: \`${command}\`

### Measurements

${measurementsTable(results)}

### Targets

${targetsTable(targets)}
`;
}

function writeDoc(file, text) {
  const start = "<!-- bench:results:start -->";
  const end = "<!-- bench:results:end -->";
  const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : `# Benchmarks\n\n${start}\n${end}\n`;
  const i = old.indexOf(start);
  const j = old.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file} has no ${start} ... ${end} markers to write between`);
  fs.writeFileSync(file, `${old.slice(0, i + start.length)}\n${text}\n${old.slice(j)}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(REPO, "dist", "cli", "run.js")))
    throw new Error("dist/ is missing: run `npm run build` first (npm run bench does)");
  const tools = { commands: detectCseCommands(), ajv: findAjvCli(), chromium: findChromium() };
  const machine = describeMachine(tools);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cse-bench-"));
  const env = { ...process.env, NO_COLOR: "1", SOURCE_DATE_EPOCH: "1767225600" };
  delete env.FORCE_COLOR;
  const ctx = {
    cwd: scratch,
    env,
    timeoutMs: opts.timeout * 1000,
    slowMs: opts.slow * 1000,
    growth: { sizes: opts.sizes, runs: opts.growthRuns },
  };
  const runsFor = (size) => opts.runs ?? (size >= 30_000 ? 3 : 5);
  opts.runsLabel = opts.runs
    ? `${opts.runs} runs after a warm-up`
    : "5 runs after a warm-up, 3 at 30,000 items";
  const results = [];
  try {
    log(`bench: start-up floors (scratch ${scratch})`);
    const startup = [
      task("node-e0", "floor: `node -e 0`", null, [[process.execPath, "-e", "0"]]),
      task("version", "cse --version", null, [[process.execPath, CSE_BIN, "--version"]], {
        compare: { key: "node-e0", sameSize: false },
      }),
      // Not a target: what every command pays to load the parser and the command list.
      task(
        "help",
        "cse validate --help (start-up through the parser)",
        null,
        [[process.execPath, CSE_BIN, "validate", "--help"]],
        { compare: { key: "node-e0", sameSize: false } },
      ),
    ];
    await measureAll(startup, { ...ctx, runs: Math.max(runsFor(0), 10) });
    results.push(...startup);

    // The last size's submission and commands, kept until the next size is measured.
    let previous = null;
    const dropSubmission = (size) => {
      if (opts.keep) return;
      fs.rmSync(path.join(scratch, `submission-${size}`), { recursive: true, force: true });
      fs.rmSync(path.join(scratch, `json-${size}`), { recursive: true, force: true });
    };
    for (const size of [...opts.sizes].sort((a, b) => a - b)) {
      const dir = path.join(scratch, `submission-${size}`);
      log(`bench: ${size} items: generating ${dir}`);
      const made = generate({ out: dir, items: size });
      log(`  ${made.items} items, ${made.caseStudies} case studies, ${made.attachments} attachments`);
      const tasks = tasksForSize(size, dir, scratch, tools, opts);
      await measureAll(tasks, { ...ctx, cwd: dir, runs: runsFor(size) });
      // The conversion and ajv-cli together, right after ajv-cli alone.
      const at = tasks.findIndex((t) => t.key === "ajv-cli") + 1;
      results.push(
        ...(at > 0 ? [...tasks.slice(0, at), ...ajvWithConversion(tasks, size), ...tasks.slice(at)] : tasks),
      );
      if (previous) {
        await remeasureSmaller(previous.tasks, tasks, { ...ctx, cwd: previous.dir });
        dropSubmission(previous.size);
      }
      previous = { size, dir, tasks };
    }
    if (previous) dropSubmission(previous.size);
  } finally {
    cleanUpMeasure();
    if (!opts.keep) fs.rmSync(scratch, { recursive: true, force: true });
    else log(`bench: kept ${scratch}`);
  }

  const targets = evaluateTargets(results, opts.sizes);
  const command = `npm run bench${
    process.argv.length > 2
      ? ` -- ${process.argv
          .slice(2)
          .filter(
            (a, i, all) =>
              a !== "--doc" && all[i - 1] !== "--doc" && a !== "--json" && all[i - 1] !== "--json",
          )
          .join(" ")}`
      : ""
  }`;
  const text = render(machine, opts, results, targets, command.replace(/ -- $/, ""));
  process.stdout.write(`\n${text}`);
  if (opts.doc) writeDoc(path.resolve(opts.doc), text);
  if (opts.json) {
    const plain = results.map(({ prepare, check, argvs, ...r }) => ({
      ...r,
      argvs: argvs?.map((a) => a.map((x) => (x === process.execPath ? "node" : x))),
    }));
    fs.writeFileSync(
      path.resolve(opts.json),
      JSON.stringify({ machine, sizes: opts.sizes, results: plain, targets }, null, 2) + "\n",
    );
  }
}

main().catch((err) => {
  log(`bench: ${err.message}`);
  process.exitCode = 2;
});
