#!/usr/bin/env node
// `npm test`'s first step: builds dist/ (`npm run build`) and type-checks the sources with the
// tests (`npm run typecheck`) side by side, one compiler on each CPU, instead of one after the
// other; fails when either fails. Each compiler's output is printed whole when it ends.
import { spawn } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", "--silent", script], {
      stdio: ["ignore", "pipe", "pipe"],
      shell: process.platform === "win32",
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => {
      if (output) process.stdout.write(output);
      if (code !== 0) process.stderr.write(`npm run ${script} failed (exit ${code})\n`);
      resolve(code === 0);
    });
  });
}

const results = await Promise.all([run("build"), run("typecheck")]);
process.exit(results.every(Boolean) ? 0 : 1);
