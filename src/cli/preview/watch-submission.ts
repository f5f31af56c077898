import path from "node:path";

/** A watch on a submission's files. */
export interface SubmissionWatch {
  close(): Promise<void>;
}

/** How long a burst of changes (an editor saving several files, a git checkout) is gathered. */
const SETTLE_MS = 60;

/**
 * Watches every file below `root` but hidden ones (.git, .cse-cache) and the folders `ignore()`
 * names (the pack's output, node_modules), with chokidar: unlike Node 20's recursive fs.watch it
 * sees a file saved the way many editors save, a temporary renamed over the original. Changes
 * are gathered for a moment, then `onChange` runs; changes made while it runs give one more run.
 */
export async function watchSubmission(
  root: string,
  options: { ignore: () => readonly string[]; onChange: () => Promise<void> },
): Promise<SubmissionWatch> {
  const { watch } = await import("chokidar");
  const ignored = (file: string): boolean => {
    const rel = path.relative(root, file);
    if (rel === "") return false;
    if (rel.split(path.sep).some((part) => part.startsWith("."))) return true;
    return options.ignore().some((dir) => file === dir || file.startsWith(dir + path.sep));
  };
  const watcher = watch(root, { ignored, ignoreInitial: true, persistent: true });
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await options.onChange();
      } while (again);
    } finally {
      running = false;
    }
  };
  watcher.on("all", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  });
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
