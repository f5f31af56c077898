import type { Diagnostic } from "../diagnostic.js";

/** Endings that editors and people give backup copies. */
const BACKUP = /^(\.(bak|orig|old|save|swp|tmp|backup)|~)$/i;

/**
 * `ignored-file`: files in the submission's folders whose names look like YAML but which cse
 * does not read (`x.yaml.txt`, `x.yaml~`, `x.yaml.bak`, `x.json`), so a whole item is skipped
 * without a word. Attachments that an item lists under `files` are not warned about.
 */
export function ignoredFileDiagnostics(
  unread: readonly string[],
  attachments: ReadonlySet<string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of unread) {
    if (attachments.has(file)) continue;
    const message = ignoredFileMessage(file.slice(file.lastIndexOf("/") + 1));
    if (message) out.push({ file, line: 1, column: 1, severity: "warning", code: "ignored-file", message });
  }
  return out;
}

/** Why a file with this name is not read and what to do, or null when the name does not look like YAML. */
export function ignoredFileMessage(name: string): string | null {
  const yaml = /^(.*\.ya?ml)(\.[^.]*|~)$/i.exec(name) ?? /^(.*\.ya?ml)(\.[^.]*)+$/i.exec(name);
  if (yaml) {
    const [, kept, ending] = yaml as unknown as [string, string, string];
    return BACKUP.test(ending) ? backupCopy(ending, kept) : wrongEnding(name.slice(kept.length), kept);
  }
  if (/\.json$/i.test(name)) return jsonFile(name);
  return null;
}

function backupCopy(ending: string, kept: string): string {
  return (
    `cse does not read this file: its name ends \`${ending}\`, like a backup copy kept by an editor. Delete it if ` +
    `it is not needed; if it should be read, rename it \`${kept}\``
  );
}

function wrongEnding(ending: string, kept: string): string {
  return (
    `cse does not read this file: its name ends \`${ending}\`, not \`.yaml\`, so it is skipped. Rename it ` +
    `\`${kept}\` (Windows may hide the ending: in File Explorer, turn on "File name extensions" to see it)`
  );
}

function jsonFile(name: string): string {
  const yaml = name.replace(/\.json$/i, ".yaml");
  return (
    "cse reads YAML files only (names ending .yaml or .yml), so it skips this one. If it holds an item, write it " +
    `as YAML in \`${yaml}\`; if it is an attachment, list it under \`files:\` of the item it belongs to`
  );
}
