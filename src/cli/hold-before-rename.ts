import fs from "node:fs";
import type { Io } from "./io.js";

/** What a held build prints on stderr, so a test knows its temporary files are written. */
export const HOLDING_LINE = "cse: holding before rename";

/**
 * For the tests of a killed or concurrent build only: with CSE_TEST_HOLD_BEFORE_RENAME=1, a build
 * that has written its temporary files says so on stderr and waits for a line (or the end) of
 * stdin before renaming them into place. A test can then kill it, or let two builds overlap, at a
 * known moment instead of guessing with timers.
 */
export function holdBeforeRename(env: Io["env"]): (() => void) | undefined {
  if (env.CSE_TEST_HOLD_BEFORE_RENAME !== "1") return undefined;
  return () => {
    fs.writeSync(2, `${HOLDING_LINE}\n`);
    waitForStdin();
  };
}

function waitForStdin(): void {
  const byte = Buffer.alloc(1);
  for (;;) {
    try {
      fs.readSync(0, byte, 0, 1, null);
      return;
    } catch (err) {
      // A non-blocking pipe says "try again"; anything else (a closed stdin) ends the wait.
      if ((err as NodeJS.ErrnoException).code !== "EAGAIN") return;
    }
  }
}
