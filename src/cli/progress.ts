import { ownSequence } from "../util/terminal-style.js";
import type { Output } from "./io.js";

/** Progress of long work, shown on one line of stderr that is rewritten as the work advances. */
export interface Progress {
  /** Starts a stage, e.g. "Rendering PDF", of `total` steps (0 or absent: a count is not known). */
  stage(label: string, total?: number): void;
  /** Advances the current stage by `steps` (default 1). */
  advance(steps?: number): void;
  /** Clears the line; call it before printing anything else, and when the work ends or fails. */
  done(): void;
}

/** When progress is shown. */
export interface ProgressOptions {
  /** The command's --format: nothing is shown for `json`, whose readers want only data. */
  format?: string;
  /** Show nothing whatever the terminal (e.g. a --quiet flag). */
  quiet?: boolean;
}

const SILENT: Progress = { stage() {}, advance() {}, done() {} };

/**
 * A progress line on `stderr`, shown only when stderr is a terminal and the output format is not
 * json: CI logs and redirected output stay free of carriage returns. The line is redrawn only
 * when the whole-percent figure (or the count, for an unknown total) changes, so a stage of
 * thousands of steps writes at most about a hundred times.
 */
export function createProgress(stderr: Output, options: ProgressOptions = {}): Progress {
  if (stderr.isTTY !== true || options.format === "json" || options.quiet === true) return SILENT;
  let label = "";
  let total = 0;
  let count = 0;
  let shown = "";
  let drawn = false;
  const draw = () => {
    const text =
      total > 0
        ? `${label} ${Math.min(count, total)}/${total} (${Math.floor((Math.min(count, total) * 100) / total)}%)`
        : `${label}…${count > 0 ? ` ${count}` : ""}`;
    const key = total > 0 ? `${label}|${Math.floor((count * 100) / total)}` : `${label}|${count}`;
    if (key === shown) return;
    shown = key;
    // \r returns to the line's start, \x1b[K clears what a longer earlier line left behind.
    stderr.write(`${ownSequence("\r\x1b[K")}${text}`);
    drawn = true;
  };
  return {
    stage(newLabel, newTotal = 0) {
      label = newLabel;
      total = Math.max(0, Math.floor(newTotal));
      count = 0;
      draw();
    },
    advance(steps = 1) {
      count += steps;
      draw();
    },
    done() {
      if (drawn) stderr.write(ownSequence("\r\x1b[K"));
      drawn = false;
      shown = "";
    },
  };
}
