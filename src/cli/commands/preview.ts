import type { CommandDef } from "./command-def.js";
import { dirOption } from "./shared-options.js";

/** `cse preview`. */
export const previewCommand: CommandDef = (program, run) => {
  program
    .command("preview")
    .description("show the HTML pack in your browser, rebuilt each time you save a file")
    .option("--port <number>", "the port to serve on (default: 4173, or the next free one)")
    .option("--as-of <date>", "judge dates as of this day, YYYY-MM-DD (default: today)")
    .option("--include-drafts", "put draft evidence items and case studies in the pack too")
    .addOption(dirOption())
    .option("--cache-location <path>", "the cache file, or a folder to keep .cse-cache in")
    .addHelpText(
      "after",
      `
The pack is served on http://127.0.0.1 only (this computer), never to the network.
Open the address it prints; each time you save a file of the submission the page
shows the new pack. While the submission has errors, the page lists them instead.
It keeps what it learns about your files in .cse-cache, and writes nothing else.

Examples:
  cse preview                  serve on port 4173 (or the next free one)
  cse preview --port 8080

Exit status: 0 when stopped with Ctrl-C, 2 when the port is taken or on a fatal error.
`,
    )
    .action((opts) => run(async (io) => (await import("../actions/preview.js")).previewAction(opts, io)));
};
