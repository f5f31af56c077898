/** A BCP 47 tag as the schema accepts it for build.language. */
const TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Reads the braces of a Pandoc-style span or block (`{lang=cy}`, `{lang="cy"}`): the only
 * attribute FORMAT.md v2 accepts is `lang`, with a BCP 47 tag. Returns the tag, or a sentence
 * saying what is wrong.
 */
export function parseLangAttributes(inside: string): { lang: string } | { error: string } {
  const parts = inside.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0)
    return { error: "the braces are empty; write {lang=cy} to mark a passage in Welsh" };
  let lang: string | null = null;
  for (const part of parts) {
    const m = /^lang=(?:"([^"]*)"|'([^']*)'|([^"'\s]*))$/.exec(part);
    if (!m) return { error: `only lang=… may be written in the braces, not "${part}"` };
    const tag = m[1] ?? m[2] ?? m[3] ?? "";
    if (!TAG.test(tag)) return { error: `"${tag}" is not a language tag; write one such as cy, en-GB or ga` };
    if (lang !== null) return { error: "lang is given twice in the braces; keep one" };
    lang = tag;
  }
  return { lang: lang! };
}

/** A span `[text]{…}` or a block opener `::: {…}` in Markdown source, with what its braces hold. */
export interface LangMarker {
  /** 0-based line of the marker within the source. */
  line: number;
  /** The text between the braces. */
  inside: string;
}

const SPAN = /\]\{([^}\n]*)\}/g;
const BLOCK = /^[ ]{0,3}:{3,}[ \t]*\{([^}\n]*)\}[ \t]*$/;

/** Every language marker in Markdown source, for checking (a rough scan: code spans are not excluded). */
export function langMarkersIn(source: string): LangMarker[] {
  const found: LangMarker[] = [];
  source.split("\n").forEach((text, line) => {
    const block = BLOCK.exec(text);
    if (block) found.push({ line, inside: block[1]! });
    for (const m of text.matchAll(SPAN)) found.push({ line, inside: m[1]! });
  });
  return found;
}
