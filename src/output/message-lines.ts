import { widthOf } from "./text-width.js";

/**
 * A diagnostic's message broken into lines of at most `room` columns, at spaces outside
 * `code spans` only: a mended line such as `title: "Note: opening hours"` stays whole, so it
 * can be copied as it stands. A span wider than the room gets a line of its own.
 */
export function messageLines(message: string, room: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of wordsOf(message)) {
    if (current === "") current = word;
    else if (widthOf(current) + 1 + widthOf(word) <= room) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** Words split at spaces, a `code span` (with what is stuck to it) counting as one word. */
function wordsOf(message: string): string[] {
  const words: string[] = [];
  let word = "";
  let inCode = false;
  for (const ch of message) {
    if (ch === "`") inCode = !inCode;
    if (ch === " " && !inCode) {
      if (word) words.push(word);
      word = "";
    } else word += ch;
  }
  if (word) words.push(word);
  return words;
}
