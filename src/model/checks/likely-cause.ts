/** Something declared that a reference may have meant: its id, and the names people know it by. */
export interface Declared {
  id: string;
  /** Names and labels (a person's name, a rating's label, a section's name). */
  names: readonly string[];
}

const CURLY = /[\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb]/;

/**
 * The likely cause of an unknown reference, in plain words, or "" when none is seen: curly
 * quotes typed by a word processor, a name where the id belongs, a dash without its space.
 */
export function likelyCause(value: string, declared: readonly Declared[], what: string): string {
  if (CURLY.test(value)) return curlyQuotes(value.replace(new RegExp(CURLY.source, "g"), "").trim());
  const wanted = value.trim().toLowerCase();
  const named = declared.find((d) => d.names.some((n) => n.trim().toLowerCase() === wanted));
  if (named && named.id !== value) return nameForId(named.id, what);
  const dashed = /^-(\S.*)$/.exec(value);
  if (dashed) return dashWithoutSpace(dashed[1]!);
  return "";
}

function curlyQuotes(inner: string): string {
  return (
    `it is in curly quotes (“ ”), which YAML keeps as part of the text; ` +
    `type straight quotes, "${inner}", or none`
  );
}

function nameForId(id: string, what: string): string {
  return `that is the ${what}'s name; write the id \`${id}\`, not the name`;
}

function dashWithoutSpace(rest: string): string {
  return `a list item needs a space after the dash; write \`- ${rest}\``;
}
