#!/usr/bin/env node
// npm run fuzz [-- --runs N] [-- --seed S]: the property tests of test/fuzz with many more cases.
// Prints the seed first, so any failure can be replayed with --seed.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const args = process.argv.slice(2);
const USAGE = "usage: npm run fuzz -- [--runs N] [--seed S]";
if (args.includes("--help") || args.includes("-h")) {
  console.log(
    `${USAGE}\n\nRuns the property tests of test/fuzz with N cases (default 3000) from seed S (default: new each run).`,
  );
  process.exit(0);
}
const unknown = args.filter(
  (a, i) =>
    a.startsWith("-") && a !== "--runs" && a !== "--seed" && !/^-?\d+$/.test(a) && args[i - 1] !== "--seed",
);
if (unknown.length > 0) {
  console.error(`unknown option ${unknown[0]}\n${USAGE}`);
  process.exit(2);
}
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const runs = Number(option("runs", "3000"));
const seed = Number(option("seed", String(Date.now() % 2_147_483_647)));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error(USAGE);
  process.exit(2);
}
console.log(
  `fuzz: ${runs} cases for the main property (the others in proportion), seed ${seed} (replay with: npm run fuzz -- --runs ${runs} --seed ${seed})`,
);
const vitest = path.join(
  path.dirname(createRequire(import.meta.url).resolve("vitest/package.json")),
  "vitest.mjs",
);
const r = spawnSync(process.execPath, [vitest, "run", "test/fuzz"], {
  cwd: path.resolve(import.meta.dirname, "../.."),
  env: { ...process.env, CSE_FUZZ_RUNS: String(runs), CSE_FUZZ_SEED: String(seed) },
  stdio: "inherit",
});
process.exitCode = r.status ?? 2;
