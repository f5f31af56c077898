import type { Box, Flow } from "./flow.js";
import type { StructElement } from "./pdfkit-extras.js";
import { HEADING_SIZE, HEADING_SPACE, BODY, COLOUR } from "./theme.js";

/**
 * The structure tag of a heading rank. Rank 2 (a top-level section) is H1, so criteria,
 * sub-criteria and elements are H1, H2 and H3; the cover title (rank 1) is H1 too.
 */
export function headingTag(rank: number): string {
  return `H${Math.min(6, Math.max(1, rank - 1))}`;
}

/**
 * Sets a heading of a rank, kept on one page with the first lines after it. Returns the `y` of
 * its top (where a destination pointing at it belongs).
 */
export function heading(flow: Flow, text: string, rank: number, box: Box, parent: StructElement): number {
  const size = HEADING_SIZE[rank] ?? BODY.size;
  const space = HEADING_SPACE[rank] ?? { before: 8, after: 2 };
  const setting = { size, leading: 1.25, color: COLOUR.heading };
  const lines = flow.lines([{ text, style: "bold", link: null }], box.width, size);
  flow.gap(space.before);
  flow.need(lines.length * size * 1.25 + space.after + 3 * BODY.size * BODY.leading);
  const top = flow.y;
  flow.paragraph([{ text, style: "bold", link: null }], box, setting, parent, headingTag(rank));
  flow.y += space.after;
  return top;
}

/** A heading inside a section's content (not in the contents or the outline). */
export function minorHeading(flow: Flow, text: string, rank: number, box: Box, parent: StructElement): void {
  heading(flow, text, rank, box, parent);
}
