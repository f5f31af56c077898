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
  const top = heading(flow, section.title, section.level, BODY_BOX, sect);
  flow.destination(section.anchor, top);
  const item = outline.addItem(section.title);
  pointOutlineAt(item, section.anchor);
  renderBlocks(flow, section.blocks, BODY_BOX, sect, ctx);
  section.children.forEach((child, i) => renderSection(flow, child, sect, item, ctx, { first: i === 0 }));
  sect.end();
}

/**
 * Page breaks: every top-level section, criterion and case study starts a page, and so does
 * every element (its sub-criterion's heading comes with the first one), so an assessor can
 * print, annotate and file an element on its own sheet. Evidence items and progress items run
 * on, each kept with its first lines.
 */
function breakBefore(flow: Flow, section: Section, where: Placement): void {
  switch (section.kind) {
    case "subcriterion":
    case "element":
      if (!where.first) flow.newPage();
      return;
    case "case-study":
      flow.newPage();
      return;
    case "evidence":
    case "progress-item":
      flow.gap(where.first ? 10 : 22);
      flow.need(90);
      return;
    default:
      if (section.level <= 2) flow.newPage();
  }
}
