import type { Section } from "../../pack/document-model.js";
import { type BlockContext, renderBlocks } from "./blocks.js";
import { BODY_BOX, type Flow, type LayoutStep } from "./flow.js";
import { heading } from "./headings.js";
import { pointOutlineAt, type StructElement } from "./pdfkit-extras.js";

/** Where a section sits among its siblings, for the page-break rules. */
interface Placement {
  /** It is the first child of its parent. */
  first: boolean;
}

/** Where a section's children go: its Sect element and its outline item, once it has begun. */
interface Opened {
  sect: StructElement;
  outline: PDFKit.PDFOutline;
}

/**
 * The steps that lay out sections and their sub-sections, in order, each as a Sect element: a
 * named destination at its heading, an outline item under its parent's, the heading, the
 * blocks, then the children. A section that starts a page-starting unit (keep.ts) does so in a
 * step of its own, so that a dry pass can lay the unit out again from the step after it
 * (`Flow.layOutSteps`).
 */
export function sectionSteps(
  flow: Flow,
  sections: readonly Section[],
  parent: StructElement,
  outline: PDFKit.PDFOutline,
  ctx: BlockContext,
): LayoutStep[] {
  const steps: LayoutStep[] = [];
  const add = (section: Section, into: Opened, where: Placement) => {
    const unit = unitOf(section, where);
    if (unit) {
      steps.push({
        run: () => {
          if (section.level <= 2) flow.section = section.shortTitle;
          flow.startUnit(...unit);
        },
        startsUnit: true,
      });
    }
    const opened: Opened = { sect: parent, outline };
    steps.push({
      run: () => {
        if (!unit) {
          if (section.level <= 2) flow.section = section.shortTitle;
          breakBefore(flow, section, where);
        }
        opened.sect = flow.struct(into.sect, "Sect");
        heading(flow, section.title, section.level, BODY_BOX, opened.sect, section.anchor);
        opened.outline = into.outline.addItem(section.title);
        pointOutlineAt(opened.outline, section.anchor);
        renderBlocks(flow, section.blocks, BODY_BOX, opened.sect, ctx);
      },
    });
    section.children.forEach((child, i) => add(child, opened, { first: i === 0 }));
    steps.push({
      run: () => {
        // A heading with nothing after it is set here, on this section's page.
        flow.flush();
        opened.sect.end();
      },
    });
  };
  const top: Opened = { sect: parent, outline };
  for (const section of sections) add(section, top, { first: false });
  return steps;
}

/**
 * Page breaks: every top-level section, criterion and case study starts a page, and so does
 * every element (its sub-criterion's heading comes with the first one), so an assessor can
 * print, annotate and file an element on its own sheet. Each of these is a unit for the
 * pagination rules (keep.ts): its continued pages say so in the footer, and a short last page is
 * pulled back by setting it a little tighter. Returns the unit a section starts (key, label,
 * whether it breaks the page), or null for a section that runs on (see `breakBefore`).
 */
function unitOf(section: Section, where: Placement): [string, string, boolean] | null {
  switch (section.kind) {
    case "subcriterion":
      return [section.anchor, section.shortTitle, !where.first];
    case "element":
      return [section.anchor, `Element ${section.shortTitle}`, !where.first];
    case "case-study":
      return [section.anchor, `Case study ${section.shortTitle}`, true];
    case "evidence":
    case "progress-item":
      return null;
    default:
      return section.level <= 2 ? [section.anchor, section.shortTitle, true] : null;
  }
}

/** Evidence items and progress items run on, each heading kept with its first lines. */
function breakBefore(flow: Flow, section: Section, where: Placement): void {
  if (section.kind === "evidence" || section.kind === "progress-item") flow.gap(where.first ? 10 : 22);
}
