import { markdownTokens } from "./markdown.js";
import type { Block } from "./document-model.js";

/**
 * A Markdown block whose shallowest heading gets rank `rank`, so headings written in a field
 * (`### Situation` in a narrative) nest under the section that holds them.
 */
export function markdownBlock(source: string, rank: number): Block {
  let min = 7;
  for (const t of markdownTokens(source)) {
    if (t.type === "heading_open") min = Math.min(min, Number(t.tag.slice(1)));
  }
  return {
    type: "markdown",
    source,
    headingShift: min === 7 ? 0 : Math.min(6, rank) - min,
    abbreviations: [],
  };
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
