import { DIAGNOSTICS_FORMATS } from "../../output/diagnostics-formats.js";
import { openTree, parseAsOf, pickFormat, resolveRoot, type SubmissionOptions } from "../common.js";
import { EXIT } from "../exit-codes.js";
import { useColor, type Io } from "../io.js";
import { readSubmissionWithCache, type CacheOptions } from "../cache-file.js";

/** Options of `cse validate`. */
export interface ValidateOptions extends SubmissionOptions, CacheOptions {
  format?: string;
  asOf?: string;
  strict?: boolean;
  color?: boolean;
}

/**
 * `cse validate`: every file against its schema and every cross-reference; 1 when errors (or warnings
 * with --strict).
 */
export async function validateAction(opts: ValidateOptions, io: Io): Promise<number> {
  const format = pickFormat(opts.format, Object.keys(DIAGNOSTICS_FORMATS), "text");
  const asOf = parseAsOf(opts.asOf);
  const root = resolveRoot(opts, io);
  const tree = openTree(root, opts.ref);
  const checked = readSubmissionWithCache(
    tree,
    { asOf, cache: opts.cache, cacheLocation: opts.cacheLocation },
    io,
  );
  const { submission: s } = checked;
  const reporter = await DIAGNOSTICS_FORMATS[format]!();
  // Only GitHub's annotations need the path from the top of the repository (and only they pay for asking git).
  const prefix =
    format === "github" ? (await import("../../git/work-tree-prefix.js")).workTreePrefix(tree.root) : null;
  const text = reporter(
    {
      root: tree.root,
      diagnostics: checked.diagnostics,
      errorCount: checked.errorCount,
      warningCount: checked.warningCount,
      ...(prefix ? { workTreePrefix: prefix } : {}),
      counted: {
        files: checked.fileCount,
        elements: s.elements.length,
        evidence: s.evidence.length,
        caseStudies: s.caseStudies.length,
      },
    },
    { color: useColor(io.stdout, io.env, opts.color) },
  );
  io.stdout.write(text);
  const failed = checked.errorCount > 0 || (opts.strict === true && checked.warningCount > 0);
  return failed ? EXIT.FINDINGS : EXIT.OK;
}
