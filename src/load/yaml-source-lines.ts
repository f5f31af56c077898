/** One line of a YAML file's text, for explaining a mistake on it. */
export interface SourceLine {
  /** 1-based line number. */
  number: number;
  /** Offset of the line's first character in the text. */
  start: number;
  /** The line without its line break (and without a CR before it). */
  text: string;
  /** How many spaces and tabs it starts with. */
  indent: number;
}

/** The line holding `offset` (an offset at a line break belongs to the line it ends). */
export function lineAt(text: string, offset: number): SourceLine {
  const at = Math.max(0, Math.min(offset, text.length));
  const start = text.lastIndexOf("\n", at - 1) + 1;
  let number = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < start; i = text.indexOf("\n", i + 1)) number++;
  return makeLine(text, start, number);
}

/** The line numbered `number` (1-based), or null past the end. */
export function lineNumbered(text: string, number: number): SourceLine | null {
  let start = 0;
  for (let n = 1; n < number; n++) {
    const next = text.indexOf("\n", start);
    if (next === -1) return null;
    start = next + 1;
  }
  return start > text.length ? null : makeLine(text, start, number);
}

/** The nearest line above `line` that holds something other than spaces and a comment, or null. */
export function previousContentLine(text: string, line: SourceLine): SourceLine | null {
  for (let n = line.number - 1; n >= 1; n--) {
    const prior = lineNumbered(text, n);
    if (prior && !isBlankOrComment(prior.text)) return prior;
  }
  return null;
}

/** The nearest line below `line` that holds something other than spaces and a comment, or null. */
export function nextContentLine(text: string, line: SourceLine): SourceLine | null {
  for (let n = line.number + 1; ; n++) {
    const next = lineNumbered(text, n);
    if (!next) return null;
    if (!isBlankOrComment(next.text)) return next;
  }
}

/** Whether a line is empty, spaces, or only a comment. */
export function isBlankOrComment(text: string): boolean {
  return /^\s*(#.*)?$/.test(text);
}

/** A line split into a `name:` and the value after it, as a person would read it. */
export interface FieldLine {
  /** What goes before the name: indentation and any `- ` dashes. */
  lead: string;
  /** The field's name, as written (quotes included). */
  name: string;
  /** Offset in the text where the value starts. */
  valueStart: number;
  /** The value as written, without a trailing comment or spaces. */
  value: string;
}

/**
 * Reads `line` as `name: value` (the first colon followed by a space or the end of the line),
 * or null when it is not one. A line such as `title: Note: opening hours` gives the name
 * `title` and the value `Note: opening hours`.
 */
export function fieldLine(line: SourceLine): FieldLine | null {
  const m =
    /^([ \t]*(?:-[ \t]+)*)((?:"[^"]*"|'[^']*'|[^\s#'"\-?:][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?=[ \t]|$)/.exec(
      line.text,
    );
  if (!m) return null;
  const after = line.text.slice(m[0].length);
  const spaces = /^[ \t]*/.exec(after)![0].length;
  const raw = after.slice(spaces);
  return {
    lead: m[1]!,
    name: m[2]!.trim(),
    valueStart: line.start + m[0].length + spaces,
    value: stripComment(raw).trimEnd(),
  };
}

/** A value without a trailing ` # comment` (a `#` inside quotes is kept). */
export function stripComment(value: string): string {
  if (value.startsWith('"') || value.startsWith("'")) return value;
  const hash = value.search(/[ \t]#/);
  return hash === -1 ? value : value.slice(0, hash);
}

/** 1-based column of an offset on a line. */
export function columnOf(line: SourceLine, offset: number): number {
  return offset - line.start + 1;
}

function makeLine(text: string, start: number, number: number): SourceLine {
  const end = text.indexOf("\n", start);
  const raw = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, "");
  return { number, start, text: raw, indent: /^[ \t]*/.exec(raw)![0].length };
}
