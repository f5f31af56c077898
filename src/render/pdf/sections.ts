import type { Section } from "../../pack/document-model.js";
import { type BlockContext, renderBlocks } from "./blocks.js";
import { BODY_BOX, type Flow } from "./flow.js";
import { heading } from "./headings.js";
import { pointOutlineAt, type StructElement } from "./pdfkit-extras.js";

/** Where a section sits among its siblings, for the page-break rules. */
interface Placement {
  /** It is the first child of its parent. */
  first: boolean;
}

/**
 * Lays out a section and its sub-sections as a Sect element: a named destination at its
 * heading, an outline item under its parent's, the heading, the blocks, then the children.
 */
export function renderSection(
  flow: Flow,
  section: Section,
  parent: StructElement,
  outline: PDFKit.PDFOutline,
  ctx: BlockContext,
  where: Placement = { first: false },
): void {
  if (section.level <= 2) flow.section = section.shortTitle;
  breakBefore(flow, section, where);
  const sect = flow.struct(parent, "Sect");
  heading(flow, section.title, section.level, BODY_BOX, sect, section.anchor);
  const item = outline.addItem(section.title);
  pointOutlineAt(item, section.anchor);
  renderBlocks(flow, section.blocks, BODY_BOX, sect, ctx);
  section.children.forEach((child, i) => renderSection(flow, child, sect, item, ctx, { first: i === 0 }));
  // A heading with nothing after it is set here, on this section's page.
  flow.flush();
  sect.end();
}

/**
 * Page breaks: every top-level section, criterion and case study starts a page, and so does
 * every element (its sub-criterion's heading comes with the first one), so an assessor can
 * print, annotate and file an element on its own sheet. Each of these is a unit for the
 * pagination rules (keep.ts): its continued pages say so in the footer, and a short last page is
 * pulled back by setting it a little tighter. Evidence items and progress items run on, each
 * heading kept with its first lines.
 */
function breakBefore(flow: Flow, section: Section, where: Placement): void {
  switch (section.kind) {
    case "subcriterion":
      flow.startUnit(section.anchor, section.shortTitle, !where.first);
      return;
    case "element":
      flow.startUnit(section.anchor, `Element ${section.shortTitle}`, !where.first);
      return;
    case "case-study":
      flow.startUnit(section.anchor, `Case study ${section.shortTitle}`);
      return;
    case "evidence":
    case "progress-item":
      flow.gap(where.first ? 10 : 22);
      return;
    default:
      if (section.level <= 2) flow.startUnit(section.anchor, section.shortTitle);
  }
}
