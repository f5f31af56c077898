import { randomBytes } from "node:crypto";

// A submission's text can hold any character, escape sequences included, so a terminal cannot
// tell cse's colours from a submission's by looking at them. cse's own sequences therefore carry
// a mark that is new in every run and never printed: the terminal guard (src/cli/terminal-safe.ts)
// sends marked sequences and shows every other control character as text. The mark is an APC
// string, which a terminal would ignore if a marked text ever reached one unguarded.
const MARK = `\x1b_cse-${randomBytes(12).toString("hex")}\x1b\\`;

/** The mark that makes a sequence cse's own; only the terminal guard reads it. */
export const OWN_SEQUENCE_MARK = MARK;

/** `sequence` (e.g. "\x1b[31m", or "\r\x1b[K" to redraw a line) marked as cse's own. */
export function ownSequence(sequence: string): string {
  return MARK + sequence;
}

const CODES = {
  bold: [1, 22],
  underline: [4, 24],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
} as const;

type StyleName = keyof typeof CODES;

/** Colours and weights for terminal text, chained like chalk (`style.red.bold(text)`); identity when off. */
export type Style = ((text: string) => string) & { readonly [K in StyleName]: Style };

/** A Style that colours with marked sequences when `color` is true, and changes nothing otherwise. */
export function createStyle(color: boolean): Style {
  return styleOf(color, []);
}

function styleOf(color: boolean, names: StyleName[]): Style {
  const apply = (text: string) => {
    if (!color) return String(text);
    return names.reduceRight((inner, name) => wrap(inner, CODES[name]), String(text));
  };
  for (const name of Object.keys(CODES) as StyleName[])
    Object.defineProperty(apply, name, { get: () => styleOf(color, [...names, name]) });
  return apply as Style;
}

function wrap(text: string, [open, close]: readonly [number, number]): string {
  const on = ownSequence(`\x1b[${open}m`);
  const off = ownSequence(`\x1b[${close}m`);
  // An inner text that ends this style early (bold inside bold) turns it back on after.
  return on + text.replaceAll(off, off + on) + off;
}
