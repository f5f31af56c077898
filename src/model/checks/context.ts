import type { Diagnostic, DiagnosticCode } from "../../diagnostic.js";
import { severityOf } from "../../diagnostic.js";
import { locate, positionOf, type DataPath } from "../../load/positions.js";
import { toPosition, type Position, type YamlFile } from "../../load/yaml-file.js";
import type { Submission } from "../types.js";

/** What every check gets: the model, the as-of date, and a way to report. */
export interface CheckContext {
  /** The submission being checked. */
  submission: Submission;
  /** The as-of date, YYYY-MM-DD. */
  asOf: string;
  /** Reports a problem at a value (or at its key) of a file. */
  report(
    at: { src: YamlFile; path: DataPath },
    code: DiagnosticCode,
    message: string,
    opts?: ReportOptions,
  ): void;
}

/** Where in the YAML node a diagnostic points. */
export interface ReportOptions {
  /** At the key rather than the value. */
  key?: boolean;
  /** At the first match of this pattern inside the value's source text (the value's start when none). */
  within?: RegExp;
}

/** A cross-reference or content check: reads the model, reports through the context. */
export type Check = (ctx: CheckContext) => void;

/** Runs checks over a submission and returns what they report. */
export function runChecks(submission: Submission, asOf: string, checks: readonly Check[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ctx: CheckContext = {
    submission,
    asOf,
    report(at, code, message, opts) {
      out.push({
        file: at.src.file,
        ...(opts?.within ? matchPosition(at.src, at.path, opts.within) : positionOf(at.src, at.path, opts)),
        severity: severityOf(code),
        code,
        message,
      });
    },
  };
  for (const check of checks) check(ctx);
  return out;
}

// The checks' messages list ids the way "did you mean" does; both live in util/closest.ts.
export { orList } from "../../util/closest.js";

/** The place of the first match of `pattern` inside the source of the value at `path`. */
function matchPosition(src: YamlFile, path: DataPath, pattern: RegExp): Position {
  const range = locate(src, path).node?.range;
  const found = range ? pattern.exec(src.text.slice(range[0], range[1])) : null;
  return range && found ? toPosition(src.lineCounter, range[0] + found.index) : positionOf(src, path);
}
