import { didYouMean } from "../util/closest.js";
import { CliError } from "./exit-codes.js";

/** Commander parser for list options: `--elements 1.1.1,4.3.2 --elements 2.1.1` gathers all three. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(/[\s,]+/).filter(Boolean)];
}

/**
 * Checks that `value` (given with `flag`) is one of `known`, or fails with exit 2 naming the
 * nearest candidates. `what` is the thing in the singular, e.g. "element".
 */
export function requireKnown(what: string, flag: string, value: string, known: readonly string[]): void {
  if (known.includes(value)) return;
  if (known.length === 0) throw new CliError(`${flag} ${value}: the submission has no ${what} ids to choose from`);
  throw new CliError(`${flag} ${value}: there is no ${what} ${JSON.stringify(value)}.${didYouMean(value, known)}`);
}
