// Runs a command as a whole process and measures its wall time and peak memory (maximum
// resident set size). Peak memory comes from GNU time (`/usr/bin/time -f %M`) when it is there;
// otherwise, for Node processes only, from process.resourceUsage() read at exit by a module
// preloaded with --import (see rss-on-exit.js); for anything else it is unknown.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const RSS_HOOK = fileURLToPath(new URL("./rss-on-exit.js", import.meta.url));
let scratch = null;
let counter = 0;

/** How peak memory is measured on this machine: "gnu-time", or "node-hook". */
export const MEMORY_METHOD = detectGnuTime() ? "gnu-time" : "node-hook";

function detectGnuTime() {
  try {
    const r = spawnSync("/usr/bin/time", ["-f", "%M", "true"], { encoding: "utf8" });
    return r.status === 0 && /^\d+\s*$/.test(r.stderr.trim().split("\n").pop() ?? "");
  } catch {
    return false;
  }
}

/** Runs under way, stopped with the bench (they are in process groups of their own). */
const running = new Set();
process.once("exit", () => running.forEach(killGroup));
for (const signal of ["SIGINT", "SIGTERM"])
  process.once(signal, () => {
    running.forEach(killGroup);
    process.exit(130);
  });

function killGroup(child) {
  try {
    if (process.platform === "win32") child.kill("SIGKILL");
    else process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * One run of `argv` (argv[0] is the program). Returns {ms, cpuMs|null (user + system), peakKiB|null, status, signal,
 * stderr (its last 4 KiB), timedOut}.
 */
export function runOnce(argv, { cwd, env, timeoutMs = 15 * 60_000, isNode = false } = {}) {
  scratch ??= fs.mkdtempSync(path.join(os.tmpdir(), "cse-bench-rss-"));
  const out = path.join(scratch, `m${counter++}`);
  let cmd = argv;
  let childEnv = { ...env };
  if (MEMORY_METHOD === "gnu-time") {
    cmd = ["/usr/bin/time", "-f", "%U %S %M", "-o", out, ...argv];
  } else if (isNode) {
    childEnv = {
      ...childEnv,
      NODE_OPTIONS: `${childEnv.NODE_OPTIONS ?? ""} --import=${RSS_HOOK}`.trim(),
      CSE_BENCH_RSS_FILE: out,
    };
  }
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    // In a process group of its own, so that a run stopped for taking too long is stopped whole:
    // killing GNU time alone would leave the command (and a browser's renderers) running.
    const child = spawn(cmd[0], cmd.slice(1), {
      cwd,
      env: childEnv,
      stdio: ["ignore", "ignore", "pipe"],
      detached: process.platform !== "win32",
    });
    running.add(child);
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (s) => {
      stderr = (stderr + s).slice(-4096);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({
        ms: NaN,
        cpuMs: null,
        peakKiB: null,
        status: null,
        signal: null,
        stderr: String(err.message),
        timedOut: false,
      });
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      running.delete(child);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let peakKiB = null;
      let cpuMs = null;
      try {
        const text = fs.readFileSync(out, "utf8");
        // GNU time writes "Command exited with non-zero status N" on a line before the figures.
        const m = /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(text.trim());
        const hook = /^(\d+) ([\d.]+)$/.exec(text.trim());
        if (m) {
          cpuMs = (Number(m[1]) + Number(m[2])) * 1000;
          peakKiB = Number(m[3]);
        } else if (hook) {
          peakKiB = Number(hook[1]);
          cpuMs = Number(hook[2]);
        }
        fs.rmSync(out, { force: true });
      } catch {
        // no memory figure for this run
      }
      resolve({ ms, cpuMs, peakKiB, status, signal, stderr, timedOut });
    });
  });
}

/** Removes the scratch folder for memory figures. */
export function cleanUpMeasure() {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  scratch = null;
}

/** The median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
