import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
import { parseLangAttributes } from "../model/lang-attributes.js";

const OPENER = /^:{3,}[ \t]*\{([^}\n]*)\}[ \t]*$/;
const CLOSER = /^:{3,}[ \t]*$/;

/**
 * `::: {lang=cy}` … `:::`: a block in another language, as Pandoc writes it. Emits
 * `cse_lang_block_open` (a `div` with a `lang` attribute) and `cse_lang_block_close` around
 * the blocks inside. Braces holding anything but a valid `lang` leave the lines as text
 * (`cse validate` reports them).
 */
export function langBlockRule(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const first = lineText(state, startLine);
  const open = OPENER.exec(first);
  if (!open) return false;
  const attrs = parseLangAttributes(open[1]!);
  if (!("lang" in attrs)) return false;
  let close = startLine + 1;
  while (close < endLine && !(CLOSER.test(lineText(state, close)) && state.sCount[close]! <= state.blkIndent))
    close++;
  if (silent) return true;
  const openToken = state.push("cse_lang_block_open", "div", 1);
  openToken.attrs = [["lang", attrs.lang]];
  openToken.map = [startLine, close];
  openToken.block = true;
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = "blockquote";
  state.lineMax = close;
  state.md.block.tokenize(state, startLine + 1, close);
  state.lineMax = oldLineMax;
  state.parentType = oldParent;
  state.push("cse_lang_block_close", "div", -1).block = true;
  state.line = Math.min(close + 1, endLine);
  return true;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
}

/**
 * `[text]{lang=cy}`: a span in another language. Emits `cse_lang_span_open` (a `span` with a
 * `lang` attribute), the inline content, and `cse_lang_span_close`. Anything else in the braces
 * leaves the text as written.
 */
export function langSpanRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
  const labelEnd = state.md.helpers.parseLinkLabel(state, state.pos, true);
  if (labelEnd < 0 || state.src.charCodeAt(labelEnd + 1) !== 0x7b /* { */) return false;
  const braceEnd = state.src.indexOf("}", labelEnd + 2);
  if (braceEnd < 0 || state.src.slice(labelEnd + 2, braceEnd).includes("\n")) return false;
  const attrs = parseLangAttributes(state.src.slice(labelEnd + 2, braceEnd));
  if (!("lang" in attrs)) return false;
  if (!silent) {
    const open = state.push("cse_lang_span_open", "span", 1);
    open.attrs = [["lang", attrs.lang]];
    const oldPos = state.pos;
    const oldMax = state.posMax;
    state.pos = oldPos + 1;
    state.posMax = labelEnd;
    state.md.inline.tokenize(state);
    state.pos = oldPos;
    state.posMax = oldMax;
    state.push("cse_lang_span_close", "span", -1);
  }
  state.pos = braceEnd + 1;
  return true;
}
