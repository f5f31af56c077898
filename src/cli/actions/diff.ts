import { compareStates } from "../compare-states.js";
import { openRepository } from "../../git/repository.js";
import { DIFF_FORMATS } from "../../output/diff-formats.js";
import { openTree, parseAsOf, pickFormat, resolveRoot, type SubmissionOptions } from "../common.js";
import { EXIT } from "../exit-codes.js";
import { useColor, type Io } from "../io.js";
import { inNumber, oneOrCount } from "../../util/plural.js";

/** Options of `cse diff`. */
export interface DiffOptions extends Omit<SubmissionOptions, "ref"> {
  format?: string;
  asOf?: string;
  color?: boolean;
}

/** `cse diff FROM [TO]`: what changed between two states of the submission; TO defaults to the work tree. */
export async function diffAction(
  from: string,
  to: string | undefined,
  opts: DiffOptions,
  io: Io,
): Promise<number> {
  const format = pickFormat(opts.format, Object.keys(DIFF_FORMATS), "table");
  const asOf = parseAsOf(opts.asOf);
  // Comparing two revisions needs no cse.yaml in the work tree; comparing with it does.
  const root = resolveRoot({ dir: opts.dir, ...(to === undefined ? {} : { ref: to }) }, io);
  openRepository(root, "cse diff");
  const fromTree = openTree(root, from);
  const toTree = openTree(root, to);
  const { diff, errors } = compareStates(
    { tree: fromTree, label: from },
    { tree: toTree, label: to ?? "work tree" },
    asOf,
  );
  for (const [side, n] of [
    [from, errors.from],
    [to ?? "the work tree", errors.to],
  ] as const) {
    if (n > 0) {
      const check = side === "the work tree" ? "cse validate" : `cse validate --ref ${side}`;
      io.stderr.write(
        `cse diff: ${side} has ${oneOrCount(n, "a validation error", "validation errors")}; ` +
          `the comparison uses what could be read (${check} shows ${inNumber(n, "it", "them")})\n`,
      );
    }
  }
  const reporter = await DIFF_FORMATS[format]!();
  io.stdout.write(reporter(diff, { color: useColor(io.stdout, io.env, opts.color) }));
  return EXIT.OK;
}
