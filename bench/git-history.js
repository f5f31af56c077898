#!/usr/bin/env node
// Benchmark of cse's git features on a long history: a repository of 1,000 commits that
// builds up a 3,000-item submission (items added a few at a time, earlier ones edited, some
// renamed), written with one `git fast-import`. Times, in-process (median of --runs):
//   - reading a revision (GitTree: one ls-tree + batched cat-file) and validating it, beside
//     reading the work tree the same way;
//   - last-changed dates of every evidence file (one git log pass) and of every item;
//   - the diff between a revision 500 commits back and the work tree;
// and then the same as whole `cse` processes. It also counts the git processes each step
// starts (GIT_TRACE), which must not grow with the number of files.
//
//   npm run build && node bench/git-history.js [--commits 1000] [--items 3000] [--runs 5] [--keep]
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AS_OF, generate } from "./generate.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const CSE = path.join(REPO, "bin/cse.js");

const opts = { commits: 1000, items: 3000, runs: 5, keep: false };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === "--commits") opts.commits = Number(process.argv[++i]);
  else if (a === "--items") opts.items = Number(process.argv[++i]);
  else if (a === "--runs") opts.runs = Number(process.argv[++i]);
  else if (a === "--keep") opts.keep = true;
  else {
    console.error("usage: node bench/git-history.js [--commits N] [--items N] [--runs N] [--keep]");
    process.exit(2);
  }
}

const dist = (p) => import(path.join(REPO, "dist", p));
const { GitTree } = await dist("git/git-tree.js");
const { readLastChanged, lastChangedOfItems } = await dist("git/last-changed.js");
const { compareStates } = await dist("git/compare-revisions.js");
const { readSubmission } = await dist("model/read-submission.js");
const { WorkTree } = await dist("load/source-tree.js");

const work = fs.mkdtempSync(path.join(os.tmpdir(), "cse-bench-git-"));
const dir = path.join(work, "repo");
try {
  const made = time(() => makeHistory(dir, opts));
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: dir, maxBuffer: 1 << 30 })
    .toString()
    .split("\0")
    .filter(Boolean);
  const evidenceFiles = files.filter((f) => f.startsWith("evidence/"));
  console.log(
    `Repository: ${opts.commits} commits, ${files.length} files (${evidenceFiles.length} under evidence/), made in ${seconds(made.ms)} s`,
  );
  console.log(
    `git ${execFileSync("git", ["--version"])
      .toString()
      .trim()
      .replace(
        /^git version /,
        "",
      )}, Node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}\n`,
  );

  const back = `HEAD~${Math.floor(opts.commits / 2)}`;
  const rows = [
    measure("read the work tree and validate (WorkTree, for comparison)", () =>
      readSubmission(new WorkTree(dir), { asOf: AS_OF }),
    ),
    measure("open HEAD: git ls-tree listing + one cat-file batch", () => GitTree.open(dir, "HEAD")),
    measure("read HEAD from git and validate (GitTree)", () =>
      readSubmission(GitTree.open(dir, "HEAD"), { asOf: AS_OF }),
    ),
    measure(`read ${back} from git and validate`, () =>
      readSubmission(GitTree.open(dir, back), { asOf: AS_OF }),
    ),
    measure(`last-changed dates of ${evidenceFiles.length} evidence files`, () =>
      readLastChanged(new WorkTree(dir), evidenceFiles),
    ),
    measure(
      "last-changed dates of every item (YAML + attachments)",
      (s) => lastChangedOfItems(s),
      () => readSubmission(new WorkTree(dir), { asOf: AS_OF }).submission,
    ),
    measure(`diff ${back} → work tree (read both, analyse, compare)`, () =>
      compareStates(
        { tree: GitTree.open(dir, back), label: back },
        { tree: new WorkTree(dir), label: "work tree" },
        AS_OF,
      ),
    ),
  ];
  const lastChanged = readLastChanged(new WorkTree(dir), evidenceFiles);
  const dated = lastChanged.known ? [...lastChanged.files.values()].filter((c) => c.date !== null).length : 0;
  table(
    ["In-process step", "median", "min", "git processes"],
    rows.map((r) => [r.name, `${r.median} ms`, `${r.min} ms`, String(r.gitProcesses)]),
  );
  console.log(`\n(${dated} of ${evidenceFiles.length} evidence files dated)\n`);

  const cli = [
    cliMeasure(["validate", "--as-of", AS_OF]),
    cliMeasure(["validate", "--ref", back, "--as-of", AS_OF]),
    cliMeasure(["gaps", "--format", "json", "--as-of", AS_OF]),
    cliMeasure(["diff", back, "--as-of", AS_OF, "--format", "json"]),
  ];
  table(
    ["Whole process", "median", "min"],
    cli.map((r) => [`cse ${r.name}`, `${r.median} ms`, `${r.min} ms`]),
  );
} finally {
  if (opts.keep) console.log(`\nkept ${dir}`);
  else fs.rmSync(work, { recursive: true, force: true });
}

/**
 * Writes the submission with bench/generate.js, then replays it as `commits` commits through
 * one `git fast-import`: the standard and settings first, then evidence a few files a commit
 * (each case study as soon as the items it names exist, so every revision is valid),
 * each commit also revising two earlier files (a comment line added) and every tenth renaming
 * one (the rest of the renames land in the last commit). HEAD is checked out.
 */
function makeHistory(dir, { commits, items }) {
  const src = path.join(path.dirname(dir), "generated");
  generate({ out: src, items });
  const all = listFiles(src);
  const base = all.filter((f) => !f.startsWith("evidence/"));
  const studies = all.filter((f) => f.startsWith("evidence/case-studies/"));
  // Attachments travel with the first commit so an item's files exist whenever it does.
  const evidence = all.filter(
    (f) => f.startsWith("evidence/") && !studies.includes(f) && f.endsWith(".yaml"),
  );
  const attachments = all.filter(
    (f) => f.startsWith("evidence/") && !studies.includes(f) && !f.endsWith(".yaml"),
  );
  // Every revision is a valid submission: a case study arrives once the items it names exist.
  const studyNeeds = new Map(
    studies.map((f) => [
      f,
      [...fs.readFileSync(path.join(src, f), "utf8").matchAll(/^ {2}- (E\d+)$/gm)].map((m) => m[1]),
    ]),
  );
  fs.mkdirSync(dir);
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  const chunks = [];
  const data = (buf) => chunks.push(Buffer.from(`data ${buf.length}\n`), buf, Buffer.from("\n"));
  const content = (f) => fs.readFileSync(path.join(src, f));
  const added = [];
  const have = new Set();
  const renamed = new Map(); // final path -> path it has now
  const start = Date.UTC(2020, 0, 1) / 1000;
  for (let c = 0; c < commits; c++) {
    const when = start + c * 86_400;
    chunks.push(Buffer.from(`commit refs/heads/main\ncommitter Bench <bench@example.org> ${when} +0000\n`));
    data(Buffer.from(`commit ${c + 1}`));
    const put = (at, buf) => {
      chunks.push(Buffer.from(`M 100644 inline ${at}\n`));
      data(buf);
    };
    if (c === 0) {
      for (const f of [...base, ...attachments]) put(f, content(f));
      for (const [f, needs] of studyNeeds)
        if (needs.length === 0) {
          put(f, content(f));
          studyNeeds.delete(f);
        }
    } else {
      const share = (k) => Math.floor((k * evidence.length) / (commits - 1));
      for (const f of evidence.slice(share(c - 1), share(c))) {
        // Every tenth item starts life under another name and is renamed later.
        const early =
          added.length % 10 === 5 && !f.includes("attachments") ? f.replace(/\.yaml$/, "-draft.yaml") : f;
        if (early !== f) renamed.set(f, early);
        put(early, content(f));
        added.push(f);
        have.add(path.basename(f).split("-")[0]);
      }
      for (const [f, needs] of studyNeeds) {
        if (needs.every((id) => have.has(id))) {
          put(f, content(f));
          studyNeeds.delete(f);
        }
      }
      for (let k = 1; k <= 2 && added.length > k * 7; k++) {
        const f = added[(c * 31 * k) % added.length];
        if (renamed.has(f)) continue;
        put(f, Buffer.concat([content(f), Buffer.from(`# revised in commit ${c + 1}\n`)]));
      }
      if (c % 10 === 0 || c === commits - 1) {
        for (const [f, now] of [...renamed].slice(0, c === commits - 1 ? undefined : 1)) {
          chunks.push(Buffer.from(`R ${now} ${f}\n`));
          renamed.delete(f);
        }
      }
    }
    chunks.push(Buffer.from("\n"));
  }
  execFileSync("git", ["fast-import", "--quiet"], {
    cwd: dir,
    input: Buffer.concat(chunks),
    maxBuffer: 1 << 30,
  });
  execFileSync("git", ["reset", "-q", "--hard", "main"], { cwd: dir });
}

function listFiles(root, rel = "") {
  return fs.readdirSync(path.join(root, rel), { withFileTypes: true }).flatMap((d) => {
    const p = rel ? `${rel}/${d.name}` : d.name;
    return d.isDirectory() ? listFiles(root, p) : [p];
  });
}

function measure(name, fn, setup = () => undefined) {
  const arg = setup();
  fn(arg); // warm-up
  const trace = path.join(work, "trace.log");
  fs.rmSync(trace, { force: true });
  process.env.GIT_TRACE = trace;
  fn(arg);
  delete process.env.GIT_TRACE;
  const gitProcesses = fs.existsSync(trace)
    ? fs
        .readFileSync(trace, "utf8")
        .split("\n")
        .filter((l) => /trace: built-in: git /.test(l)).length
    : 0;
  const times = [];
  for (let i = 0; i < opts.runs; i++) times.push(time(() => fn(arg)).ms);
  return { name, ...stats(times), gitProcesses };
}

function cliMeasure(args) {
  const times = [];
  for (let i = 0; i <= opts.runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [CSE, ...args], { cwd: dir, maxBuffer: 1 << 30 });
    if (r.status !== 0 && r.status !== 1)
      throw new Error(`cse ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    if (i > 0) times.push(performance.now() - t0);
  }
  return { name: args.join(" "), ...stats(times) };
}

function time(fn) {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: Math.round(sorted[Math.floor(sorted.length / 2)]), min: Math.round(sorted[0]) };
}

function seconds(ms) {
  return (ms / 1000).toFixed(1);
}

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  console.log(line(head));
  console.log(`|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const r of rows) console.log(line(r));
}
