import type { DataPath } from "../../load/positions.js";
import type { YamlFile } from "../../load/yaml-file.js";
import { langMarkersIn, parseLangAttributes } from "../lang-attributes.js";
import type { Check } from "./context.js";

interface MarkdownField {
  src: YamlFile;
  path: DataPath;
  text: string | null;
}

/**
 * `schema` (v2): the braces of a language span or block (`[text]{lang=cy}`, `::: {lang=cy}`)
 * may hold `lang` only, with a language tag; anything else is reported at the field.
 */
export const checkLangMarkers: Check = (ctx) => {
  for (const field of markdownFields(ctx.submission)) {
    if (!field.text || !field.text.includes("{")) continue;
    for (const marker of langMarkersIn(field.text)) {
      const parsed = parseLangAttributes(marker.inside);
      if ("error" in parsed)
        ctx.report(field, "schema", badMarker(marker.inside, marker.line, field.path, parsed.error));
    }
  }
};

/** The Markdown fields that may hold a marker (a `{`): the others are not even listed. */
function markdownFields(s: Parameters<Check>[0]["submission"]): MarkdownField[] {
  const fields: MarkdownField[] = [];
  const add = (src: YamlFile, path: () => DataPath, text: string | null) => {
    if (text?.includes("{")) fields.push({ src, path: path(), text });
  };
  for (const e of s.evidence) add(e.src, () => ["description"], e.description);
  for (const c of s.caseStudies) {
    add(c.src, () => ["summary"], c.summary);
    add(c.src, () => ["narrative"], c.narrative);
  }
  for (const items of [s.evidence, s.caseStudies])
    for (const item of items)
      for (const c of item.elements) add(c.src, () => [...c.path.slice(0, 2), "note"], c.note);
  for (const a of s.selfAssessmentEntries) add(a.src, () => [...a.path, "statement"], a.statement);
  for (const f of s.findings)
    for (const r of f.results.values()) add(r.src, () => [...r.path, "comment"], r.comment);
  const cse = s.config.src;
  if (cse)
    s.config.customers.forEach((c, i) => add(cse, () => ["customers", i, "description"], c.description));
  return fields;
}

/** "`{class=x}` on line 2 of `description`: only lang=… may be written in the braces, not …". */
function badMarker(inside: string, line: number, path: DataPath, error: string): string {
  return `\`{${inside}}\` on line ${line + 1} of \`${String(path[path.length - 1])}\`: ${error}`;
}
