import type { Diagnostic, DiagnosticCode } from "../../diagnostic.js";
import { severityOf } from "../../diagnostic.js";
import { positionOf, type DataPath } from "../../load/positions.js";
import type { YamlFile } from "../../load/yaml-file.js";
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
    opts?: { key?: boolean },
  ): void;
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
        ...positionOf(at.src, at.path, opts),
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
