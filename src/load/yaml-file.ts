import type { CST, Document, LineCounter } from "yaml";
import { yamlLib } from "./yaml-lib.js";
import type { Diagnostic, DiagnosticCode } from "../diagnostic.js";
import { explainYamlError } from "./yaml-messages.js";
import { undefinedReference } from "./yaml-mistake-words.js";
import { expandedTextSize } from "./expanded-size.js";

/** Guards against resource exhaustion; a file over any of them gets `yaml-limit`. */
export const YAML_LIMITS = {
  /** Largest file read, in bytes. */
  maxBytes: 4 * 1024 * 1024,
  /** Longest line, in characters. */
  maxLineLength: 100_000,
  /** Most alias expansions in one file. */
  maxAliasCount: 100,
  /**
   * Most text in one file once its aliases are written out (see expanded-size.ts), in characters:
   * twice the largest file, so only aliases can reach it.
   */
  maxExpandedChars: 8 * 1024 * 1024,
  /**
   * Most text in all the submission's YAML files together, aliases written out: what a pack can
   * print. A generated 30,000-item submission (bench/generate.js) is about 58 MiB of YAML files.
   */
  maxSubmissionChars: 128 * 1024 * 1024,
  /** Deepest nesting of collections (the YAML parser's stack: a list of mappings counts two a level). */
  maxDepth: 200,
};

/** What cse says of a file that exhausts the reader: the reader's own words would mean nothing to its author. */
const TOO_COMPLEX =
  "the file is too deeply nested or too complex for cse to read (a guard against files built to exhaust it); " +
  "simplify it";

/** A YAML file parsed once, with what is needed to point at any of its nodes. */
export interface YamlFile {
  /** Root-relative path with `/` separators. */
  file: string;
  /** The source text (BOM removed). */
  text: string;
  /** The parsed document, or null when the file could not be parsed. */
  doc: Document.Parsed | null;
  /** The plain data (null for an empty or unparsable file). */
  data: unknown;
  /** Whether parsing succeeded well enough for later stages to look at `data`. */
  ok: boolean;
  /** Maps offsets to lines and columns. */
  lineCounter: LineCounter;
}

/** A 1-based place in a file. */
export interface Position {
  line: number;
  column: number;
}

/** Parses `bytes` as one YAML document, pushing any syntax or limit problem to `out`. */
export function parseYamlFile(file: string, bytes: Uint8Array, out: Diagnostic[]): YamlFile {
  const lineCounter = new (yamlLib().LineCounter)();
  const fail = (
    code: DiagnosticCode,
    message: string,
    pos: Position = { line: 1, column: 1 },
    text = "",
  ): YamlFile => {
    out.push({ file, ...pos, severity: "error", code, message });
    return { file, text, doc: null, data: null, ok: false, lineCounter };
  };
  if (bytes.length > YAML_LIMITS.maxBytes) {
    return fail(
      "yaml-limit",
      `the file is ${formatBytes(bytes.length)}, more than the ${formatBytes(YAML_LIMITS.maxBytes)} cse reads; ` +
        "split it into smaller files",
    );
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16)
    return fail(
      "yaml-syntax",
      "the file is saved as UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
    );
  if (looksLikeUtf16(bytes))
    return fail(
      "yaml-syntax",
      "the file is saved as UTF-16 (every other byte is empty), which cse cannot read; save it as UTF-8",
    );
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(
      "yaml-syntax",
      `the file is not valid UTF-8 (${describeBadByte(bytes)}); save it as UTF-8`,
      badBytePosition(bytes),
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const long = findLongLine(text);
  if (long)
    return fail(
      "yaml-limit",
      `line ${long.line} is ${long.length} characters long, ` +
        `more than the ${YAML_LIMITS.maxLineLength} cse reads; break it into shorter lines`,
      { line: long.line, column: 1 },
      text,
    );
  // Lines are counted from the text itself, not from the parser's callbacks, which miss the
  // line breaks inside a token it rejects (and so put later errors on the wrong line).
  countLines(text, lineCounter);
  const at = (offset: number): Position => toPosition(lineCounter, offset);
  const odd = findForbiddenCharacter(text);
  if (odd) return fail("yaml-syntax", odd.message, at(odd.offset), text);

  let docs: Document.Parsed[];
  try {
    const parsed = parseWithinDepth(text);
    if ("tooDeep" in parsed)
      return fail(
        "yaml-limit",
        `the file nests collections more than ${YAML_LIMITS.maxDepth} levels deep (a resource-exhaustion guard); ` +
          "flatten it",
        at(parsed.tooDeep),
        text,
      );
    docs = parsed.docs;
  } catch {
    return fail("yaml-limit", TOO_COMPLEX, undefined, text);
  }
  if (!Array.isArray(docs) || docs.length === 0) {
    return { file, text, doc: null, data: null, ok: true, lineCounter };
  }
  const doc = docs[0]!;
  let broken = false;
  // Every duplicate key, but only the first syntax error: the ones after it are mostly echoes.
  const problems = docs.flatMap((d) => [...d.errors, ...d.warnings]).sort((a, b) => a.pos[0] - b.pos[0]);
  let syntaxReported = false;
  for (const e of problems) {
    broken = true;
    if (e.code === "RESOURCE_EXHAUSTION") {
      // yaml ran out of stack composing the file: a limit, not a mistake in the syntax.
      out.push({
        file,
        ...at(e.pos[0]),
        severity: "error",
        code: "yaml-limit",
        message: TOO_COMPLEX,
      });
    } else if (e.code === "DUPLICATE_KEY") {
      out.push({
        file,
        ...at(e.pos[0]),
        severity: "error",
        code: "duplicate-key",
        message: duplicateKeyMessage(text, e.pos[0]),
      });
    } else if (!syntaxReported) {
      syntaxReported = true;
      const mistake = explainYamlError(text, e);
      out.push({
        file,
        ...at(mistake.offset),
        severity: "error",
        code: "yaml-syntax",
        message: mistake.message,
      });
    }
  }
  if (docs.length > 1) {
    const second = docs[1]!;
    const start = second.range?.[0] ?? 0;
    out.push({
      file,
      ...at(findDocumentMarker(text, start)),
      severity: "error",
      code: "yaml-syntax",
      message:
        "this `---` line starts a second part of the file, and cse reads one item per file; " +
        "delete the line, or move what follows it into a file of its own",
    });
    broken = true;
  }
  if (broken) return { file, text, doc, data: null, ok: false, lineCounter };
  let data: unknown;
  try {
    // The parser refuses at its limit, not past it: one more lets exactly maxAliasCount through.
    data = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount + 1 });
  } catch (err) {
    const alias = firstAlias(doc);
    const pos = alias ? at(alias) : { line: 1, column: 1 };
    const dangling = unresolvedAlias(doc);
    if (dangling) {
      out.push({
        file,
        ...at(dangling.offset),
        severity: "error",
        code: "yaml-syntax",
        message: undefinedReference(dangling.name),
      });
    } else if (err instanceof ReferenceError || /alias/i.test(String((err as Error)?.message))) {
      out.push({
        file,
        ...pos,
        severity: "error",
        code: "yaml-limit",
        message:
          `the file expands aliases more than ${YAML_LIMITS.maxAliasCount} times ` +
          "(a resource-exhaustion guard); write the values out instead of using * aliases",
      });
    } else {
      out.push({
        file,
        ...pos,
        severity: "error",
        code: "yaml-limit",
        message: TOO_COMPLEX,
      });
    }
    return { file, text, doc, data: null, ok: false, lineCounter };
  }
  if (expandedTextSize(data, YAML_LIMITS.maxExpandedChars) > YAML_LIMITS.maxExpandedChars) {
    const alias = firstAlias(doc);
    out.push({
      file,
      ...(alias ? at(alias) : { line: 1, column: 1 }),
      severity: "error",
      code: "yaml-limit",
      message: expandedTooLargeMessage(),
    });
    return { file, text, doc, data: null, ok: false, lineCounter };
  }
  return withDocumentOnDemand({ file, text, data: withOwnStrings(data), ok: true, lineCounter });
}

/**
 * The data with every string value copied out of the file's text. The parser cuts a value from
 * the text, and V8 makes a cut of 13 characters or more a view into the whole text, not a copy: so
 * one title the pack keeps (an evidence index row) kept its whole file in memory. At 30,000 items
 * the PDF's drawing held every item file's text, 77 of the 460 MB live (docs/benchmarks.md,
 * issue 22). The strings are copied in one JSON round trip a file (JSON.parse makes whole strings).
 * Only string values change; a "__proto__" key stays an own property, as the parser made it.
 */
export function withOwnStrings<T>(data: T): T {
  if (typeof data === "string")
    return (data.length < SLICED_FROM ? data : JSON.parse(JSON.stringify(data))) as T;
  const holders: Record<string, unknown>[] = [];
  const keys: string[] = [];
  const strings: string[] = [];
  // Aliases may share a value: it is visited at each use, which expandedTextSize has bounded.
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== "object") continue;
    if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) continue;
    const holder = value as Record<string, unknown>;
    for (const key of Object.keys(holder)) {
      const item = holder[key];
      if (typeof item !== "string") stack.push(item);
      else if (item.length >= SLICED_FROM) {
        holders.push(holder);
        keys.push(key);
        strings.push(item);
      }
    }
  }
  if (strings.length === 0) return data;
  const copies = JSON.parse(JSON.stringify(strings)) as string[];
  for (let i = 0; i < copies.length; i++) {
    const key = keys[i]!;
    if (key === "__proto__")
      Object.defineProperty(holders[i], key, {
        value: copies[i],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else holders[i]![key] = copies[i];
  }
  return data;
}

/** The shortest string V8 makes as a view into another (SlicedString::kMinLength); shorter ones are copies. */
const SLICED_FROM = 13;

function expandedTooLargeMessage(): string {
  const mib = YAML_LIMITS.maxExpandedChars / 1024 / 1024;
  return (
    `with its * aliases written out, the file holds more than ${mib} MiB of text, too much for a pack; ` +
    "write the repeated text once, or split the file"
  );
}

/**
 * A well-formed file without its parsed document: kept for every file, the documents were most
 * of cse's memory and garbage collection in large submissions, yet only files with a diagnostic
 * need them (for positions). The first to ask parses the text again, which succeeded once.
 */
function withDocumentOnDemand(parts: Omit<YamlFile, "doc">): YamlFile {
  let doc: Document.Parsed | null | undefined;
  return Object.defineProperty(parts as YamlFile, "doc", {
    enumerable: true,
    get(): Document.Parsed | null {
      if (doc === undefined) {
        const parsed = parseWithinDepth(parts.text);
        doc = "docs" in parsed ? (parsed.docs[0] ?? null) : null;
      }
      return doc;
    },
  });
}

/**
 * A well-formed file whose data an earlier run produced from the same bytes (`--cache`): its text
 * is decoded only when something asks for it, from `bytes`, or from what the function `bytes`
 * reads then (a file taken by its signature is not read at all); its lines and document are
 * worked out only if a position is asked for.
 */
export function yamlFileFromCache(
  file: string,
  bytes: Uint8Array | (() => Uint8Array),
  data: unknown,
): YamlFile {
  let text: string | undefined;
  const textOf = (): string => {
    if (text === undefined) {
      text = new TextDecoder("utf-8").decode(typeof bytes === "function" ? bytes() : bytes);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  };
  let lineCounter: LineCounter | undefined;
  let doc: Document.Parsed | null | undefined;
  // The keys in the order a parsed file has them (`withDocumentOnDemand`'s), as accessors of the
  // literal: defining them one by one afterwards cost more than the rest of a cached file's load.
  return {
    file,
    get text(): string {
      return textOf();
    },
    data,
    ok: true,
    get lineCounter(): LineCounter {
      if (lineCounter === undefined) {
        lineCounter = new (yamlLib().LineCounter)();
        countLines(textOf(), lineCounter);
      }
      return lineCounter;
    },
    get doc(): Document.Parsed | null {
      if (doc === undefined) {
        const parsed = parseWithinDepth(textOf());
        doc = "docs" in parsed ? (parsed.docs[0] ?? null) : null;
      }
      return doc;
    },
  };
}

/** A file that could not be read: no data, nothing for later stages to look at. */
export function unreadableYaml(file: string): YamlFile {
  return { file, text: "", doc: null, data: null, ok: false, lineCounter: new (yamlLib().LineCounter)() };
}

/** Line and column (1-based) of an offset. */
export function toPosition(lineCounter: LineCounter, offset: number): Position {
  const p = lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

function findDocumentMarker(text: string, from: number): number {
  const i = text.lastIndexOf("---", from);
  return i >= 0 ? i : from;
}

function firstAlias(doc: Document.Parsed): number | null {
  let found: number | null = null;
  yamlLib().visit(doc, {
    Alias(_, node) {
      found = node.range?.[0] ?? null;
      return yamlLib().visit.BREAK;
    },
  });
  return found;
}

/** The first `*name` that names no `&name` before it: text that happens to start with `*`. */
function unresolvedAlias(doc: Document.Parsed): { offset: number; name: string } | null {
  let found: { offset: number; name: string } | null = null;
  yamlLib().visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      found = { offset: node.range?.[0] ?? 0, name: node.source };
      return yamlLib().visit.BREAK;
    },
  });
  return found;
}

function duplicateKeyMessage(text: string, offset: number): string {
  const m = /^["']?([^"':\n]*)/.exec(text.slice(offset, offset + 200));
  const key = m?.[1]?.trim();
  return key
    ? `the key \`${key}\` appears twice in this mapping; keep one`
    : "a key appears twice in this mapping; keep one";
}

function findLongLine(text: string): { line: number; length: number } | null {
  let start = 0;
  let line = 1;
  for (;;) {
    const end = text.indexOf("\n", start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > YAML_LIMITS.maxLineLength) return { line, length: stop - start };
    if (end === -1) return null;
    start = end + 1;
    line++;
  }
}

/**
 * The first character YAML does not allow in a file (control characters other than tab and
 * line breaks, a byte-order mark after the start), or a carriage return without a line feed,
 * which yaml would read as part of a line and so report something baffling further on.
 */
function findForbiddenCharacter(text: string): { offset: number; message: string } | null {
  const m = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]|\r(?!\n)/.exec(text);
  if (!m) return null;
  const ch = m[0];
  const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  const message =
    ch === "\r"
      ? "a line ends with a carriage return alone (old Mac line endings); save the file with LF or CRLF line endings"
      : ch === "\ufeff"
        ? "a byte-order mark (U+FEFF) in the middle of the file, perhaps where two files were pasted together; " +
          "delete it"
        : `the file holds the control character ${code}, which YAML does not allow in a file; ` +
          `delete it (or write it as an escape such as "\\t" inside double quotes)`;
  return { offset: m.index, message };
}

/** Records every line start of `text` (after each "\n"; "\r\n" ends a line at its "\n"). */
function countLines(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
}

const PARSE_OPTIONS = {
  prettyErrors: false,
  uniqueKeys: true,
  version: "1.2",
  schema: "core",
  strict: true,
  logLevel: "error",
} as const;

/**
 * Parses token by token, watching the parser's stack: nesting past the limit (flow brackets,
 * block indentation or compact `- - -` alike) stops it before yaml's recursive stages meet it.
 */
function parseWithinDepth(text: string): { docs: Document.Parsed[] } | { tooDeep: number } {
  const parser = new (yamlLib().Parser)();
  const tokens: CST.Token[] = [];
  for (const lexeme of new (yamlLib().Lexer)().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > YAML_LIMITS.maxDepth) return { tooDeep: parser.offset };
  }
  for (const token of parser.end()) tokens.push(token);
  return { docs: Array.from<Document.Parsed>(new (yamlLib().Composer)(PARSE_OPTIONS).compose(tokens)) };
}

function badBytePosition(bytes: Uint8Array): Position {
  const at = firstBadByte(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, at)).length + 1;
  return { line, column };
}

function describeBadByte(bytes: Uint8Array): string {
  const at = firstBadByte(bytes);
  return `byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")} at offset ${at}`;
}

/** Offset of the first byte of the first ill-formed UTF-8 sequence (per the Unicode standard's table 3-7). */
function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const more = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (more === 0 || i + more >= bytes.length) return i;
    const second = bytes[i + 1]!;
    const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k <= more; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return i;
}

/**
 * Whether the bytes look like UTF-16 text without a byte-order mark: in a file of mostly English
 * text, nearly every other byte is zero. (Text editors on Windows save it so as "Unicode".)
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  if (sample.length < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = sample.length / 2;
  return Math.max(evenZeros, oddZeros) >= half * 0.6 && Math.min(evenZeros, oddZeros) <= half * 0.1;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}
