import { markdownTokens } from "./markdown.js";
import type { Block } from "./document-model.js";

/**
 * A Markdown block whose shallowest heading gets rank `rank`, so headings written in a field
 * (`### Situation` in a narrative) nest under the section that holds them.
 */
export function markdownBlock(source: string, rank: number): Block {
  const min = shallowestHeading(source);
  return {
    type: "markdown",
    source,
    headingShift: min === 7 ? 0 : Math.min(6, rank) - min,
    abbreviations: [],
  };
}

/** Text that could hold a heading: an ATX `#`, or a setext underline of `=` or `-` (raw HTML is off). */
const MAYBE_HEADING = /#|^ {0,3}(?:=+|-+)[ \t]*$/m;

/** Shallowest heading ranks already worked out, by source (a preview asks for the same texts on every rebuild). */
const known = new Map<string, number>();
const KNOWN_LIMIT = 100_000;

/** The rank of the shallowest heading in `source` (1 to 6), or 7 when it has none. */
function shallowestHeading(source: string): number {
  if (!MAYBE_HEADING.test(source)) return 7;
  const found = known.get(source);
  if (found !== undefined) return found;
  let min = 7;
  for (const t of markdownTokens(source)) {
    if (t.type === "heading_open") min = Math.min(min, Number(t.tag.slice(1)));
  }
  if (known.size >= KNOWN_LIMIT) known.clear();
  known.set(source, min);
  return min;
}

/**
 * Splits a leading `# Title` off a Markdown document (the introduction), so it can serve as the
 * section's heading; returns the rest unchanged.
 */
export function splitTitle(source: string): { title: string | null; body: string } {
  const tokens = markdownTokens(source);
  const [open, inline] = tokens;
  if (open?.type !== "heading_open" || open.tag !== "h1" || !open.map || !inline)
    return { title: null, body: source };
  const lines = source.split("\n");
  return { title: inline.content.trim(), body: lines.slice(open.map[1]).join("\n") };
}
