import { stringify } from "yaml";

// The YAML that init and new write is assembled as text so it can carry comments for its
// readers; these helpers make each value safe to drop into it.

// Words YAML 1.1 tools (and some editors) read as booleans or null: quote them to be safe.
const LOOKS_SPECIAL = /^(?:y|yes|n|no|on|off|true|false|null|~)$/i;

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlString(value: string): string {
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  if (plain.includes("\n") || LOOKS_SPECIAL.test(value)) return JSON.stringify(value);
  return plain;
}

/** An id, always double-quoted: element ids such as "1.10" must never be read as numbers. */
export function yamlQuoted(value: string): string {
  return JSON.stringify(value);
}

/** Lines turned into YAML comments (`# ...`), with `indent` spaces before the `#`. */
export function yamlComment(text: string, indent = 0): string {
  const pad = " ".repeat(indent);
  return text
    .split("\n")
    .map((l) => (l === "" ? `${pad}#` : `${pad}# ${l}`))
    .join("\n");
}
