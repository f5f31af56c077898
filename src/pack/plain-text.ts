import { markdownTokens } from "./markdown.js";

/** The plain text of Markdown: the words of its inline content, blocks joined by spaces. */
export function plainTextOf(source: string): string {
  const words: string[] = [];
  for (const t of markdownTokens(source)) {
    if (t.type !== "inline") continue;
    words.push((t.children ?? []).map((c) => (c.type === "softbreak" ? " " : c.content)).join(""));
  }
  return words.join(" ").replace(/\s+/g, " ").trim();
}

/**
 * The first sentence of Markdown text: up to the first ".", "!" or "?" followed by a space and
 * a capital letter or the end (so "e.g. the" does not end it); the whole text when none.
 */
export function firstSentence(source: string): string {
  const text = plainTextOf(source);
  const m = /^.*?[.!?](?=\s+[\p{Lu}\p{N}"“‘(]|$)/u.exec(text);
  return m ? m[0] : text;
}

/** Text cut at a word boundary to at most `max` characters, with "…" when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
