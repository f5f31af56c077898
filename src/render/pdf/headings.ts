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
 * Sets a heading of a rank, kept with what follows it (keep.ts): it is held back until the first
 * lines after it are placed, and goes on their page. `anchor`, when given, names its top as a
 * destination. The structure element is added to `parent` now, so it stays before what follows.
 */
export function heading(
  flow: Flow,
  text: string,
  rank: number,
  box: Box,
  parent: StructElement,
  anchor?: string,
): void {
  const size = HEADING_SIZE[rank] ?? BODY.size;
  const space = HEADING_SPACE[rank] ?? { before: 8, after: 2 };
  const setting = { size, leading: 1.25, color: COLOUR.heading };
  const lines = flow.lines([{ text, style: "bold", link: null }], box.width, size);
  const tag = headingTag(rank);
  const el = flow.struct(parent, tag);
  flow.gap(space.before);
  flow.keepWithNext(lines.length * flow.lineHeight(setting) + space.after, () => {
    if (anchor) flow.destination(anchor);
    flow.setLines(lines, box, setting, { el, tag });
    el.end();
    flow.y += space.after;
  });
}

/** A heading inside a section's content (not in the contents or the outline). */
export function minorHeading(flow: Flow, text: string, rank: number, box: Box, parent: StructElement): void {
  heading(flow, text, rank, box, parent);
}
