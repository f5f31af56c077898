/**
 * The word a word's width is measured and kept under: the word with every digit 0. In each
 * shipped font the ten digits have one advance and kern alike with every character beside them
 * (a test holds the fonts to it), so "E01253", "p. 2386:" and "12/03/2026" measure exactly as
 * "E00000", "p. 0000:" and "00/00/0000". A pack of 30,000 items cites that many ids and tens of
 * thousands of page numbers: kept apart, they made the table ten times larger at ten times the
 * items (about 150,000 words a font against 15,000), and looking a word up in it slower for
 * every word of the pack (docs/benchmarks.md, issue 22).
 */
export function widthKey(word: string): string {
  return NONZERO_DIGIT.test(word) ? word.replace(NONZERO_DIGITS, "0") : word;
}

const NONZERO_DIGIT = /[1-9]/;
const NONZERO_DIGITS = /[1-9]/g;
