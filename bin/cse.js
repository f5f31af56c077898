#!/usr/bin/env node
// The entry turns argv into an exit code and nothing else.
import { run } from "../dist/cli/run.js";

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
