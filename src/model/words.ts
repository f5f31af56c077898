const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

/**
 * Counts the words of a Markdown text as a reader would: runs of letters and digits, with
 * inner apostrophes, dots and hyphens (so "don't", "4.3.2" and "well-known" are one word each).
 * Markdown punctuation such as `**`, `#` and `-` bullets is not counted.
 */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
