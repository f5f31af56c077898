import { yamlLib } from "./yaml-lib.js";
import type { Diagnostic } from "../diagnostic.js";
import { quoteYaml } from "./yaml-quote.js";
import { toPosition, type YamlFile } from "./yaml-file.js";

/** The text fields FORMAT.md names: where a ` #` is far more likely meant as text than as a note. */
const TEXT_FIELDS = new Set(["title", "description", "summary", "note", "statement", "comment"]);

/**
 * `comment-in-text`: an unquoted one-line text value followed by ` #` on the same line, as in
 * `title: Leaflet #2 for returns`. YAML takes ` #` and the rest of the line as a note for
 * people, so the title silently becomes "Leaflet". Reported at the `#`, with the quoted form.
 */
export function commentInTextDiagnostics(yaml: YamlFile): Diagnostic[] {
  // Most files have no text followed by ` #`: look at the text first, the parsed document only then.
  if (!yaml.ok || !/[^\s#][ \t]+#/.test(yaml.text) || !yaml.doc) return [];
  const out: Diagnostic[] = [];
  yamlLib().visit(yaml.doc, {
    Pair(_, pair) {
      if (
        !yamlLib().isPair(pair) ||
        !yamlLib().isScalar(pair.key) ||
        !TEXT_FIELDS.has(String(pair.key.value))
      )
        return;
      const value = pair.value;
      if (!yamlLib().isScalar(value) || value.type !== yamlLib().Scalar.PLAIN || !value.range) return;
      if (yaml.text.slice(value.range[0], value.range[1]).includes("\n")) return;
      const rest = restOfLine(yaml.text, value.range[1]);
      const hash = /^[ \t]+#/.exec(rest);
      if (!hash) return;
      const offset = value.range[1] + hash[0].length - 1;
      const name = String(pair.key.value);
      const meant = `${yaml.text.slice(value.range[0], value.range[1])}${rest}`.trimEnd();
      out.push({
        file: yaml.file,
        ...toPosition(yaml.lineCounter, offset),
        severity: "warning",
        code: "comment-in-text",
        message: commentInTextMessage(name, String(value.value), meant),
      });
    },
  });
  return out;
}

function commentInTextMessage(name: string, kept: string, meant: string): string {
  return (
    `YAML reads \` #\` and the rest of this line as a note for people, not as part of \`${name}\`, so the ` +
    `${name} is only "${kept}"; to keep it all, put it in quotes: \`${name}: ${quoteYaml(meant)}\``
  );
}

function restOfLine(text: string, from: number): string {
  const end = text.indexOf("\n", from);
  return text.slice(from, end === -1 ? text.length : end).replace(/\r$/, "");
}
