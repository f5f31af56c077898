// Preloaded (node --import) into a measured Node process when GNU time is missing: writes the
// process's peak resident set size in KiB and its CPU time in ms to $CSE_BENCH_RSS_FILE as it exits.
import fs from "node:fs";

const file = process.env.CSE_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      const u = process.resourceUsage();
      fs.writeFileSync(file, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1000}`);
    } catch {
      // the figure is lost, the run still counts
    }
  });
}
