import type { ErrorCode } from "yaml";
import * as say from "./yaml-mistake-words.js";
import {
  fieldLine,
  lineAt,
  lineNumbered,
  nextContentLine,
  previousContentLine,
  type FieldLine,
  type SourceLine,
} from "./yaml-source-lines.js";

/** What the yaml package reported: its code, where, and its own words (used to tell cases apart, never shown). */
export interface ParserError {
  code: ErrorCode;
  pos: [number, number];
  message: string;
}

/** A YAML mistake in plain words, and the offset it is best shown at. */
export interface YamlMistake {
  offset: number;
  message: string;
}

/**
 * Explains a syntax error of the yaml package in everyday words. The parser's code and message
 * say what it tripped over; the line as the person typed it says what they meant, so most
 * cases are recognised from the line itself (a colon inside a value, a dash without its space)
 * and the parser's code only decides when the line alone does not.
 */
export function explainYamlError(text: string, error: ParserError): YamlMistake {
  const offset = error.pos[0];
  const line = lineAt(text, offset);
  return (
    byCode(text, error, line) ??
    byLine(text, error, line) ??
    byLayout(text, error, line) ?? { offset, message: fallback(text, error) }
  );
}

/** Mistakes the parser's code (with its message) names precisely, whatever the line. */
function byCode(text: string, e: ParserError, line: SourceLine): YamlMistake | null {
  const offset = e.pos[0];
  const tab = e.code === "TAB_AS_INDENT" ? offset : tabInIndentation(text, line);
  if (tab !== null) return { offset: tab, message: say.tabIndent() };
  const quote = e.code === "MISSING_CHAR" ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
  if (quote) {
    const opening = text.lastIndexOf(quote, offset - 1);
    return { offset: Math.max(0, opening), message: say.quoteNeverClosed(quote) };
  }
  if (/must end with|end with an? [\]}]/.test(e.message)) {
    const opening = unclosedBracket(text, offset);
    if (opening !== null) return { offset: opening, message: say.bracketNeverClosed(text[opening]!) };
  }
  if (e.code === "BAD_DIRECTIVE" || /directives-end/.test(e.message) || /^%/.test(line.text)) {
    const directive = text.search(/^%/m);
    return { offset: directive === -1 ? offset : directive, message: say.directiveLine() };
  }
  if (/Comments must be separated/.test(e.message)) return { offset, message: say.commentAfterQuote() };
  if (e.code === "BAD_DQ_ESCAPE") {
    const sequence =
      /\\(?:x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}|U[0-9a-fA-F]{0,8}|.)/.exec(
        text.slice(offset, offset + 12),
      )?.[0] ?? "\\";
    return { offset, message: say.badEscape(fieldLine(line), sequence) };
  }
  return null;
}

/** Mistakes recognised from the line as typed: a value that needs quotes, a dash without its space. */
function byLine(text: string, e: ParserError, line: SourceLine): YamlMistake | null {
  const dash = /^([ \t]*(?:-[ \t]+)*)-[^\s-]/.exec(line.text);
  if (dash && !line.text.startsWith("---")) {
    const at = line.start + dash[1]!.length;
    return { offset: at, message: say.dashWithoutSpace(line, at - line.start) };
  }
  const field = fieldLine(line);
  if (!field || e.pos[0] < line.start) return null;
  const first = field.value[0] ?? "";
  const on = (message: string): YamlMistake => ({ offset: field.valueStart, message });
  if ((first === "|" || first === ">") && /header/.test(e.message)) return on(say.blockHeaderExtra(field));
  if (first === "-" && /^-[ \t]/.test(field.value)) return on(say.dashAfterName(field));
  if ("@`%&*!?".includes(first) && first !== "") return on(say.reservedStart(field, first));
  const quotedList = /^(?:("|')[^"']*\1[ \t]*,[ \t]*)+("|')[^"']*\2$/.test(field.value);
  if (quotedList && e.code === "UNEXPECTED_TOKEN") return on(say.listWithoutBrackets(field));
  if ((first === '"' || first === "'") && e.code === "UNEXPECTED_TOKEN") return on(say.quotedThenMore(field));
  if ((first === "[" || first === "{") && /at node end/.test(e.message))
    return on(say.bracketThenMore(field));
  if (!"\"'[{".includes(first) && /:(\s|$)/.test(field.value)) return on(say.colonInValue(field));
  return null;
}

/** Mistakes of indentation and layout, read from the lines around the error. */
function byLayout(text: string, e: ParserError, line: SourceLine): YamlMistake | null {
  const field = fieldLine(line);
  const next = nextContentLine(text, line);
  if (field && next && next.indent > line.indent && /IMPLICIT_KEY/.test(e.code)) {
    return { offset: next.start + next.indent, message: say.overIndented(next, field, line) };
  }
  const item = /^([ \t]*(?:-[ \t]+)*)-(\s|$)/.exec(line.text);
  if (item && (e.code === "BAD_INDENT" || e.code === "BLOCK_AS_IMPLICIT_KEY")) {
    const dash = line.start + item[1]!.length;
    return { offset: dash, message: say.listNotLinedUp(line, dash, previousDashLine(text, line)) };
  }
  const above = previousContentLine(text, line);
  const afterList = above !== null && above.indent === line.indent && /^[ \t]*-(\s|$)/.test(above.text);
  if (field && afterList && (e.code === "BAD_INDENT" || /at node end/.test(e.message))) {
    return { offset: line.start + line.indent, message: say.listAndFields(field.name) };
  }
  const sibling = field && !item ? previousSibling(text, line) : null;
  if (field && (sibling || e.code === "BAD_INDENT" || /at node end/.test(e.message))) {
    return { offset: line.start + line.indent, message: say.fieldNotLinedUp(line, field.name, sibling) };
  }
  if (!field && !item) return notAField(text, line);
  return null;
}

/** A line that is neither `name: value` nor `- item`: a missing colon, or text that lost its indentation. */
function notAField(text: string, line: SourceLine): YamlMistake {
  const at = line.start + line.indent;
  const tight = /^[ \t]*([A-Za-z_][\w-]*):(?=\S)/.exec(line.text);
  if (tight) return { offset: at, message: say.colonWithoutSpace(line, line.indent + tight[1]!.length) };
  const above = previousContentLine(text, line);
  const block = above ? enclosingBlockText(text, line) : null;
  if (block) return { offset: at, message: say.blockTextLessIndented(block.name, block.textIndent) };
  const aboveField = above ? fieldLine(above) : null;
  const words = /^[ \t]*([a-z_][a-z0-9_]*)[ \t]+(\S.*)$/.exec(line.text);
  const colon = words && FIELD_NAMES.has(words[1]!) ? say.missingColon(line, words[1]!, words[2]!) : null;
  if (above && aboveField && aboveField.value !== "" && line.indent <= above.indent) {
    const more = say.textNotIndented(line, aboveField, above);
    return { offset: at, message: colon ? `${colon}. ${more}` : `${say.notAFieldNorItemShort()}. ${more}` };
  }
  if (colon) return { offset: at, message: colon };
  return { offset: at, message: say.notAFieldNorItem() };
}

/** The field names of cse's files: a line starting with one is far more likely a field that lost its colon. */
const FIELD_NAMES = new Set(
  (
    "id title description type date expires sections owner status files links elements element note summary " +
    "narrative evidence customers access rating statement actions due done done_on comment results unlisted " +
    "kind assessor organisation standard assessment people name role section rules build output formats " +
    "language introduction edition ratings label meets subcriteria text guidance target period value unit"
  ).split(" "),
);

/** Wording by the parser's code alone, when neither the code's details nor the line said more. */
function fallback(text: string, e: ParserError): string {
  const char = text[e.pos[0]] ?? "";
  if (/Unexpected , in|empty item/.test(e.message)) return say.doubleComma();
  if (/Missing , |BLOCK_IN_FLOW/.test(`${e.message} ${e.code}`)) return say.missingComma();
  if (/flow-(seq|map)-end/.test(e.message)) return say.strayClosing(char);
  switch (e.code) {
    case "BAD_DIRECTIVE":
      return say.directiveLine();
    case "KEY_OVER_1024_CHARS":
      return say.keyTooLong();
    case "NON_STRING_KEY":
      return say.keyNotText();
    case "ALIAS_PROPS":
    case "BAD_ALIAS":
    case "MULTIPLE_ANCHORS":
    case "MULTIPLE_TAGS":
    case "BAD_PROP_ORDER":
    case "TAG_RESOLVE_FAILED":
    case "BAD_COLLECTION_TYPE":
      return say.specialMark("&*!".includes(char) && char ? char : "&, * or !");
    case "MISSING_CHAR":
      if (/directives-end/.test(e.message)) return say.directiveLine();
      return say.cannotMakeSense();
    case "UNEXPECTED_TOKEN":
      return say.unexpectedHere(char);
    default:
      return say.cannotMakeSense();
  }
}

/** The offset of a tab in the indentation of `line` or the line after it, or null. */
function tabInIndentation(text: string, line: SourceLine): number | null {
  for (const candidate of [line, lineNumbered(text, line.number + 1)]) {
    if (!candidate) continue;
    const indent = /^[ \t]*/.exec(candidate.text)![0];
    const tab = indent.indexOf("\t");
    if (tab !== -1 && indent.length < candidate.text.trimEnd().length) return candidate.start + tab;
  }
  return null;
}

/** The offset of the last `[` or `{` before `offset` that is not closed before it (outside quotes), or null. */
function unclosedBracket(text: string, offset: number): number | null {
  const open: number[] = [];
  let quote: string | null = null;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
    } else if ((c === '"' || c === "'") && open.length) quote = c;
    else if (c === "[" || c === "{") open.push(i);
    else if ((c === "]" || c === "}") && open.length) open.pop();
  }
  return open.length ? open[open.length - 1]! : null;
}

/** The nearest line above starting with a dash at another column, for "the dashes do not line up". */
function previousDashLine(text: string, line: SourceLine): SourceLine | null {
  for (let above = previousContentLine(text, line); above; above = previousContentLine(text, above)) {
    if (/^[ \t]*-(\s|$)/.test(above.text) && above.indent !== line.indent) return above;
    if (above.indent < Math.min(line.indent, 1)) return null;
  }
  return null;
}

/** The nearest field above whose name starts in another column: the one it was likely meant to line up with. */
function previousSibling(text: string, line: SourceLine): say.Sibling | null {
  for (let above = previousContentLine(text, line); above; above = previousContentLine(text, above)) {
    const field = fieldLine(above);
    if (field && field.lead.length !== line.indent)
      return { line: above.number, name: field.name, column: field.lead.length + 1 };
  }
  return null;
}

/** The field whose `|` or `>` text `line` falls inside, with the text's indentation, or null. */
function enclosingBlockText(text: string, line: SourceLine): { name: string; textIndent: number } | null {
  let textIndent = Infinity;
  for (let above = previousContentLine(text, line); above; above = previousContentLine(text, above)) {
    if (above.indent > line.indent) {
      textIndent = Math.min(textIndent, above.indent);
      continue;
    }
    const field: FieldLine | null = fieldLine(above);
    const opensText = field !== null && /^[|>][-+0-9]*$/.test(field.value);
    return opensText && textIndent !== Infinity ? { name: field.name, textIndent } : null;
  }
  return null;
}
