import type { Diagnostic, DiagnosticCode } from "../../diagnostic.js";
import type { LoadedFile } from "../../load/load-submission.js";
import { READ_AS_NUMBER } from "../../schema/numeric-keys.js";

/** Codes that say cse.yaml (or a file) is not what it should be: with one, what it declares is unknown. */
const UNREADABLE: ReadonlySet<DiagnosticCode> = new Set([
  "yaml-syntax",
  "yaml-limit",
  "duplicate-key",
  "schema",
  "invalid-date",
]);

/** Checks that compare a name with what cse.yaml declares. */
const DEPENDS_ON_CSE_YAML: ReadonlySet<DiagnosticCode> = new Set(["unknown-section", "unknown-person"]);

/**
 * One mistake, one message. Drops what the checks report only because an earlier stage could
 * not read a file (no unknown-section when cse.yaml is broken; no unknown-element for the
 * elements of a criterion file that could not be parsed), and, where a check and the schema
 * report the same value, keeps the check's message: it knows the declared ids, so it can name
 * the likely cause ("write the id `sam-patel`, not the name").
 */
export function suppressCascades(
  files: readonly LoadedFile[],
  loaded: readonly Diagnostic[],
  checked: readonly Diagnostic[],
): { loaded: Diagnostic[]; checked: Diagnostic[] } {
  const cseBroken = loaded.some((d) => d.file === "cse.yaml" && UNREADABLE.has(d.code));
  const lost = lostElements(files);
  const kept = checked.filter((d) => {
    if (cseBroken && DEPENDS_ON_CSE_YAML.has(d.code)) return false;
    return !(d.code === "unknown-element" && lost.covers(elementOf(d.message)));
  });
  // A number YAML made of what was typed (2.10 read as 2.1) explains the unknown id that follows from it.
  const numbers = new Set(loaded.filter((d) => d.message.includes(READ_AS_NUMBER)).map(placeOf));
  const checks = kept.filter((d) => !numbers.has(placeOf(d)));
  const placesOfChecks = new Set(checks.map(placeOf));
  return {
    loaded: loaded.filter(
      (d) => d.code !== "schema" || numbers.has(placeOf(d)) || !placesOfChecks.has(placeOf(d)),
    ),
    checked: checks,
  };
}

function placeOf(d: Diagnostic): string {
  return `${d.file}\n${d.line}\n${d.column}`;
}

/** The element id an unknown-element message names (its first quoted word). */
function elementOf(message: string): string {
  return /"([^"]*)"/.exec(message)?.[1] ?? "";
}

/**
 * The elements that criterion files which could not be parsed would probably have declared:
 * the ids written in them, and everything below the criterion id written in them. When such a
 * file shows no id at all, every element is possibly lost.
 */
function lostElements(files: readonly LoadedFile[]): { covers(id: string): boolean } {
  const broken = files.filter((f) => f.kind === "criterion" && !f.yaml.ok).map((f) => f.yaml);
  if (broken.length === 0) return { covers: () => false };
  const ids = new Set<string>();
  let unknowable = false;
  for (const file of broken) {
    const written = [
      ...file.text.matchAll(/^[ \t]*(?:-[ \t]+)?id:[ \t]*["']?([A-Za-z0-9][A-Za-z0-9._-]*)/gm),
    ];
    if (written.length === 0) unknowable = true;
    for (const m of written) ids.add(m[1]!);
  }
  return {
    covers: (id) => unknowable || ids.has(id) || [...ids].some((prefix) => id.startsWith(`${prefix}.`)),
  };
}
