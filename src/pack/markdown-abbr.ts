import type Token from "markdown-it/lib/token.mjs";
import type { Nesting } from "markdown-it/lib/token.mjs";
import type { Abbreviation } from "./document-model.js";

/** A term as a whole word: not inside a longer word or number ("CSE" is not found in "CSEs"). */
export function termPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u");
}

type TokenClass = new (type: string, tag: string, nesting: Nesting) => Token;

/**
 * Marks the first use of each term in the block as an abbreviation: `abbr_open` (an `abbr` with
 * a `title` holding the expansion), the term, `abbr_close`. Only plain text outside links is
 * looked at, so a term is never split out of a link.
 */
export function markAbbreviationTokens(blocks: Token[], terms: readonly Abbreviation[], T: TokenClass): void {
  for (const term of terms) {
    const re = termPattern(term.term);
    for (const block of blocks) {
      if (block.type !== "inline" || !block.children) continue;
      if (markFirst(block, re, term, T)) break;
    }
  }
}

function markFirst(block: Token, re: RegExp, term: Abbreviation, T: TokenClass): boolean {
  const children = block.children!;
  let inLink = 0;
  for (let i = 0; i < children.length; i++) {
    const t = children[i]!;
    if (t.type === "link_open") inLink++;
    if (t.type === "link_close") inLink--;
    if (t.type !== "text" || inLink > 0) continue;
    const m = re.exec(t.content);
    if (!m) continue;
    const open = new T("abbr_open", "abbr", 1);
    open.attrs = [["title", term.expansion]];
    const parts = [
      textToken(T, t.content.slice(0, m.index)),
      open,
      textToken(T, m[0]),
      new T("abbr_close", "abbr", -1),
      textToken(T, t.content.slice(m.index + m[0].length)),
    ].filter((p) => p.type !== "text" || p.content !== "");
    children.splice(i, 1, ...parts);
    return true;
  }
  return false;
}

function textToken(T: TokenClass, content: string): Token {
  const t = new T("text", "", 0);
  t.content = content;
  return t;
}
