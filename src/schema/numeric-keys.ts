import type { Diagnostic } from "../diagnostic.js";
import { keysOf, type DataPath } from "../load/positions.js";
import type { YamlFile } from "../load/yaml-file.js";

/** The words that mark a diagnostic as "YAML changed the number you wrote": it outranks what follows from it. */
export const READ_AS_NUMBER = "is read by YAML as the number";

/** The mappings keyed by element ids, by kind of file. */
const ID_KEYED: Record<string, DataPath> = { assessment: ["elements"], finding: ["results"] };

/**
 * `schema`: a key of a mapping keyed by element ids that YAML reads as a number whose digits
 * differ from what was typed (`2.10:` becomes 2.1), so the entry would silently belong to
 * another element. Says what the user wrote and the quoted form.
 */
export function numericKeyDiagnostics(kind: string, file: YamlFile): Diagnostic[] {
  const path = ID_KEYED[kind];
  // Only a line with an unquoted number before its colon can hold one: look at the text first.
  if (!path || !/^[ \t]+[-+.0-9][-+.0-9eE_]*[ \t]*:/m.test(file.text)) return [];
  return keysOf(file, path)
    .filter((k) => typeof k.value === "number" && String(k.value) !== k.text)
    .map((k) => ({
      file: file.file,
      ...k.position,
      severity: "error" as const,
      code: "schema" as const,
      message: numberKeyMessage(k.text, String(k.value)),
    }));
}

function numberKeyMessage(typed: string, read: string): string {
  return `the key ${typed} ${READ_AS_NUMBER} ${read}, so this entry would be for ${read}; quote it: "${typed}":`;
}
