#!/usr/bin/env node
// The entry turns argv into an exit code and nothing else.
import { run } from "../dist/cli/run.js";

// A reader that stops early (`cse gaps | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code !== "EPIPE") throw err;
  });
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
