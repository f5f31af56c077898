import { Option } from "commander";

// Options several commands share, worded once: a change here changes every command's --help
// (and docs/commands.md, which test/docs.test.ts keeps equal to it).

/** `--dir`: where the submission is. */
export function dirOption(): Option {
  return new Option("--dir <path>", "the submission's folder (default: found from the current folder)");
}

/** `--cache` (docs/fast-feedback.md). */
export function cacheOption(): Option {
  return new Option(
    "--cache",
    "reuse what the last run learnt about files that have not changed (kept in .cse-cache)",
  );
}

/** `--cache-location`, beside `--cache`. */
export function cacheLocationOption(): Option {
  return new Option(
    "--cache-location <path>",
    "with --cache: the cache file, or a folder to keep .cse-cache in",
  );
}

/** `--ref`: the submission as at a git revision; `reading` says what the command does with it. */
export function refOption(reading = "read the submission"): Option {
  return new Option(
    "--ref <rev>",
    `${reading} as at this git revision (branch, tag or commit), not the work tree`,
  );
}

/** `--color`. */
export function colorOption(): Option {
  return new Option("--color", "colour the output");
}

/** `--no-color`. */
export function noColorOption(): Option {
  return new Option("--no-color", "never colour the output");
}
