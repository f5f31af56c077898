// Preloaded (node --import) into a measured Node process when GNU time is missing: writes the
// process's peak resident set size in KiB to $CSE_BENCH_RSS_FILE as it exits.
import fs from "node:fs";

const file = process.env.CSE_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // the figure is lost, the run still counts
    }
  });
}
