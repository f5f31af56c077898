import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";

/**
 * British quotes for markdown-it's typographer: a quotation written in "double" quotes prints
 * in single ones, ‘like this’, and one inside it, written in 'single' quotes, in doubles
 * (“nested”); an apostrophe is ’ either way.
 */
export const BRITISH_QUOTES = "‘’“”";

// A year range: 2025-26 or 2025-2028 (the end after the start), not a year and month (2026-07)
// nor part of a date (2025-12-01).
const YEAR_RANGE = /(?<![\p{L}\p{N}-])((?:19|20)\d\d)-(\d\d(?:\d\d)?)(?![\p{L}\p{N}]|-\d)/gu;
// A word that is an address (a web address, an e-mail address or a path): left as written.
const ADDRESS = /:\/\/|^www\.|@|\//;

/**
 * The dashes a typesetter would set, in text outside code and links: an en dash in a year range
 * ("2025–26", "2025–2028") and for a hyphen or double hyphen standing between spaces ("now –
 * not later"), an em dash for "---". Words that are addresses are left alone. (markdown-it's own
 * replacements are not used: they also turn "(c)" into "©", which a list of options would meet.)
 */
export function setDashes(text: string): string {
  // Only a word holding a hyphen can take a dash: most texts have none, and are given back as
  // they are (setting dashes word by word in every text was some 7% of a Word build's time).
  if (!text.includes("-")) return text;
  return text.replace(HYPHENATED_WORD, (word) => (ADDRESS.test(word) ? word : dashesIn(word)));
}

/** A word (a run of characters other than spaces) holding a hyphen, from the word's start. */
const HYPHENATED_WORD = /(?<!\S)\S*-\S*/g;

/** The dashes of one word (no spaces in it) that is not an address. */
function dashesIn(word: string): string {
  return word
    .replace(YEAR_RANGE, (m, from: string, to: string) => (isRange(from, to) ? `${from}\u2013${to}` : m))
    .replace(/^---$/, "\u2014")
    .replace(/^--?$/, "\u2013")
    .replace(/(?<=[\p{L}\p{N}])---(?=[\p{L}\p{N}])/gu, "\u2014");
}

function isRange(from: string, to: string): boolean {
  const start = Number(from);
  if (to.length === 4) return Number(to) > start;
  return Number(to) > start % 100;
}

/** A core rule setting dashes in every text token outside links and code (code spans are not text). */
export function dashesRule(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let inLink = 0;
    for (const t of block.children) {
      if (t.type === "link_open") inLink++;
      else if (t.type === "link_close") inLink--;
      else if (t.type === "text" && inLink === 0) t.content = setDashes(t.content);
    }
  }
}
