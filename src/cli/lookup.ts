import { didYouMean } from "../util/closest.js";
import { CliError } from "./exit-codes.js";

/** Commander parser for list options: `--elements 1.1.1,4.3.2 --elements 2.1.1` gathers all three. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(/[\s,]+/).filter(Boolean)];
}

/**
 * Checks that `value` (given with `flag`) is one of `known`, or fails with exit 2 naming the
 * nearest candidates; when none is near, it lists them all if there are few, else says where
 * to look (`listHint`). `what` is the thing in the singular, e.g. "element".
 */
export function requireKnown(
  what: string,
  flag: string,
  value: string,
  known: readonly string[],
  listHint?: string,
): void {
  if (known.includes(value)) return;
  if (known.length === 0) throw new CliError(`${flag} ${value}: there is no ${what} to choose from yet`);
  let hint = didYouMean(value, known);
  if (!hint && known.length <= 12) hint = ` Choose from: ${known.join(", ")}.`;
  else if (!hint && listHint) hint = ` ${listHint}`;
  throw new CliError(`${flag} ${value}: there is no ${what} ${JSON.stringify(value)}.${hint}`);
}
