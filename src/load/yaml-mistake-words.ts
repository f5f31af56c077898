import { quoteYaml, showLine } from "./yaml-quote.js";
import type { FieldLine, SourceLine } from "./yaml-source-lines.js";

// The words cse says for each YAML mistake. Written for someone who has never read the YAML
// specification: what is wrong at this place, how to mend it, and the mended line when it can
// be worked out. None of them passes on the parser's own wording.

/** A line with a field's value written again in quotes. */
function quotedField(field: FieldLine, value: string): string {
  return showLine(`${field.lead}${field.name}: ${quoteYaml(value)}`);
}

export function tabIndent(): string {
  return "this line is indented with a tab; YAML allows only spaces for indentation: replace the tab with spaces";
}

export function quoteNeverClosed(quote: string): string {
  return (
    `the text in quotes that starts here has no closing ${quote}; ` +
    `add \`${quote}\` at the end of the text, on the same line`
  );
}

export function bracketNeverClosed(bracket: string): string {
  const close = bracket === "[" ? "]" : "}";
  const what = bracket === "[" ? "list" : "group";
  return `the ${what} that opens with ${bracket} here is never closed; add ${close} at its end, on the same line`;
}

export function dashWithoutSpace(line: SourceLine, dash: number): string {
  const mended = `${line.text.slice(0, dash)}- ${line.text.slice(dash + 1)}`;
  return `a list item needs a space after the dash; write ${showLine(mended)}`;
}

export function reservedStart(field: FieldLine, char: string): string {
  const meaning =
    char === "&" || char === "*" || char === "!"
      ? `a value that starts with ${char} has a special meaning in YAML`
      : `YAML does not allow a value to start with ${char} unless it is in quotes`;
  return `${meaning}; put the text in quotes: ${quotedField(field, field.value)}`;
}

export function blockHeaderExtra(field: FieldLine): string {
  const mark = field.value[0]!;
  return (
    `a ${mark} after \`${field.name}:\` means "the text starts on the next line", so nothing may follow it on ` +
    `this line; put the text on the lines below, indented, or put it all in quotes: ${quotedField(field, field.value)}`
  );
}

export function listWithoutBrackets(field: FieldLine): string {
  return `a list written on one line needs square brackets around it: \`${field.name}: [${field.value}]\``;
}

export function quotedThenMore(field: FieldLine): string {
  const quote = field.value[0]!;
  const inner = quote === "'" ? "a ' inside text in single quotes ends the text early" : null;
  const why =
    inner ??
    `the text after \`${field.name}:\` starts with a quote mark, so YAML takes it to end at the next ` +
      `\`${quote}\`, but more text follows`;
  return `${why}; put the whole text in quotes: ${quotedField(field, unquoteOnce(field.value))}`;
}

export function bracketThenMore(field: FieldLine): string {
  const close = field.value[0] === "[" ? "]" : "}";
  return (
    `after the closing ${close} of \`${field.name}:\` nothing may follow on the line but a # note; ` +
    `remove the extra text, or if all of it is text, put it in quotes: ${quotedField(field, field.value)}`
  );
}

export function colonInValue(field: FieldLine): string {
  const colon = /:(\s|$)/.exec(field.value);
  const sample = colon
    ? field.value
        .slice(0, colon.index + 1)
        .split(/\s+/)
        .slice(-2)
        .join(" ")
    : ":";
  return (
    `the text after \`${field.name}:\` holds a colon followed by a space (\`${sample}\`), which YAML reads as ` +
    `the start of another field; put the whole text in quotes: ${quotedField(field, field.value)}`
  );
}

export function dashAfterName(field: FieldLine): string {
  return (
    `a list cannot start on the same line as \`${field.name}:\`; put \`${field.value}\` on the next line, ` +
    `indented under it, or if it is text, put it in quotes: ${quotedField(field, field.value)}`
  );
}

export function overIndented(line: SourceLine, above: FieldLine, aboveLine: SourceLine): string {
  return (
    `${showLine(line.text)} is indented further than \`${above.name}:\` on line ${aboveLine.number}, so YAML ` +
    `reads it as part of \`${above.name}\`'s value; start it in column ${aboveLine.indent + 1}, like \`${above.name}:\``
  );
}

export function listNotLinedUp(line: SourceLine, dash: number, other: SourceLine | null): string {
  const here = dash - line.start + 1;
  const there = other ? ` but the one on line ${other.number} is in column ${other.indent + 1}` : "";
  return (
    `the dashes of this list do not line up: this - is in column ${here}${there}; ` +
    "put every dash of one list in the same column"
  );
}

/** A field above, by its line, name and the column its name starts in. */
export interface Sibling {
  line: number;
  name: string;
  column: number;
}

export function fieldNotLinedUp(line: SourceLine, name: string, sibling: Sibling | null): string {
  const there = sibling
    ? `, but \`${sibling.name}:\` on line ${sibling.line} starts in column ${sibling.column}`
    : "";
  return (
    `\`${name}:\` starts in column ${line.indent + 1}${there}; fields that belong together must start in the ` +
    "same column: move this one to the column of the fields it belongs with"
  );
}

export function blockTextLessIndented(name: string, textIndent: number): string {
  return (
    `this line is less indented than the text of \`${name}\` above it, so it is not part of that text, and it ` +
    `is not a field (\`name: value\`) either; if it is more of the text, indent it like the lines above ` +
    `(column ${textIndent + 1})`
  );
}

export function colonWithoutSpace(line: SourceLine, colon: number): string {
  const mended = `${line.text.slice(0, colon + 1)} ${line.text.slice(colon + 1)}`;
  return `a field needs a space after the colon; write ${showLine(mended)}`;
}

export function notAFieldNorItemShort(): string {
  return "this line is not a field (`name: value`) nor a list item (`- value`)";
}

export function textNotIndented(line: SourceLine, above: FieldLine, aboveLine: SourceLine): string {
  const indent = " ".repeat(aboveLine.indent + 2);
  return (
    `If it is more of the text of \`${above.name}\` on line ${aboveLine.number}, indent it under ` +
    `\`${above.name}:\` (${showLine(indent + line.text.trim())} with ${indent.length} spaces), or write ` +
    `\`${above.name}: |\` and put all the text on the lines below it, indented`
  );
}

export function missingColon(line: SourceLine, name: string, rest: string): string {
  const mended = `${" ".repeat(line.indent)}${name}: ${rest}`;
  return `${notAFieldNorItemShort()}; if \`${name}\` is a field's name, put a colon after it: ${showLine(mended)}`;
}

export function notAFieldNorItem(): string {
  return (
    "this line is not a field (`name: value`) nor a list item (`- value`), and it does not continue the line " +
    "above; add the field's name and a colon, or indent it under the field it belongs to"
  );
}

export function listAndFields(name: string): string {
  return (
    `\`${name}:\` is a field, but the lines above it at the same indentation are a list (lines starting with -); ` +
    "a list and fields cannot be mixed at one level: indent the list under a field's name, " +
    "or make this line a list item"
  );
}

export function commentAfterQuote(): string {
  return (
    "a # straight after a closing quote; put a space before the # if the rest of the line is a note, " +
    "or move it inside the quotes"
  );
}

export function badEscape(field: FieldLine | null, sequence: string): string {
  const mended = field ? `, or use single quotes: ${quotedField(field, unquoteOnce(field.value))}` : "";
  return (
    `inside double quotes a backslash starts a special character (such as \\n or \\"), and \`${sequence}\` is ` +
    `not one; write each backslash twice (\\\\)${mended}`
  );
}

export function doubleComma(): string {
  return "two commas in a row, or a comma with nothing before it, in a list in brackets; remove one";
}

export function missingComma(): string {
  return "the items of a list in [ ] (or of a group in { }) are separated by commas, and a comma is missing here";
}

export function strayClosing(char: string): string {
  return `this ${char} closes nothing that was opened; remove it, or if it is part of a text, put the text in quotes`;
}

export function directiveLine(): string {
  return (
    "a line starting with % is an instruction to YAML that cse does not use; delete the line, " +
    "or if it is text, put it in quotes"
  );
}

export function keyTooLong(): string {
  return (
    "YAML read everything before the colon on this line as a field's name, and that is over 1024 characters; " +
    "put the text in quotes, or use `|` and put it on the lines below"
  );
}

export function keyNotText(): string {
  return "a field's name here is a list or a group, not a plain name; write the name as plain words before the colon";
}

export function specialMark(char: string): string {
  return `${char} at the start of a value has a special meaning in YAML; if it is text, put the text in quotes`;
}

export function undefinedReference(name: string): string {
  return (
    `\`*${name}\` at the start of a value has a special meaning in YAML (a copy of a part marked ` +
    `\`&${name}\`), and nothing is marked so; if it is text, put the text in quotes`
  );
}

export function unexpectedHere(char: string): string {
  const what = char.trim() ? `\`${char}\`` : "what follows";
  return `YAML cannot make sense of ${what} here; check the quotes, brackets and indentation of this line`;
}

export function cannotMakeSense(): string {
  return "YAML cannot make sense of this line; check its indentation, its colon after the field's name, and its quotes";
}

/** The text a quoted value was meant to hold: without its outer quotes when it both starts and ends with one. */
function unquoteOnce(value: string): string {
  const q = value[0];
  const paired = (q === '"' || q === "'") && value.length >= 2 && value.endsWith(q);
  return paired ? value.slice(1, -1) : value;
}
