const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/**
 * Counts the words of a Markdown text as a reader would: runs of letters and digits, with
 * inner apostrophes, dots and hyphens (so "don't", "4.3.2" and "well-known" are one word each).
 * Markdown punctuation such as `**`, `#` and `-` bullets is not counted, nor are link targets.
 */
export function countWords(text: string): number {
  // A link's target is not read, only its text.
  const visible = text.replace(/\]\([^)]*\)/g, "]").replace(/<(?:https?|mailto):[^>]*>/g, "");
  return visible.match(WORD)?.length ?? 0;
}
