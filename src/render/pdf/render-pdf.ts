import type { PackDocument, Section } from "../../pack/document-model.js";
import {
  ATTACHED_ANCHOR,
  ATTACHED_TITLE,
  embedAttachments,
  fileOpener,
  type ReadAttachment,
  renderAttachedFiles,
} from "./attachments.js";
import { drawContents, planContents } from "./contents.js";
import { renderCover } from "./cover.js";
import PDFDocument from "pdfkit";
import { Flow, lineHeight } from "./flow.js";
import { AS_DESIGNED, fitTail, sameFit, type TailFit } from "./keep.js";
import { registerFonts } from "./fonts.js";
import { drawPageFurniture } from "./page-furniture.js";
import { createPdfDocument, finishPdf } from "./pdf-document.js";
import { pointOutlineAt, struct } from "./pdfkit-extras.js";
import { renderSection } from "./sections.js";
import { BODY, PAGE } from "./theme.js";
import { volumeElsewhere } from "../../pack/volumes.js";

export type { ReadAttachment } from "./attachments.js";

/** How the PDF is built. */
export interface PdfOptions {
  /** Embed every attachment (`--attach`), reading its bytes with this function; omit to embed none. */
  readAttachment?: ReadAttachment | null;
}

/**
 * Renders the pack's document model to a tagged, navigable PDF: cover, contents with page
 * numbers, the sections in the model's order, an outline, running heads and "Page X of Y", and
 * with `readAttachment` every attachment embedded. The same model gives the same bytes.
 *
 * Order of work: the contents are planned first so their pages can be reserved after the cover;
 * the body is laid out, recording the page of every destination; then the contents, running
 * heads and page numbers are drawn on the buffered pages.
 */
export async function renderPdf(model: PackDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  // Citations print the page of what they cite, which is known only once the pages are laid
  // out: lay out with three-digit stand-ins first (placing text without drawing it, which is
  // what takes the time), then again with the pages found, until the pages stop moving (the
  // numbers' widths can move a line; twice is the norm, five the cap).
  //
  // Each pass also finds the units (elements, case studies) whose last page would hold only a
  // few lines, and the next pass fits them (keep.ts `fitTail`); the pages are settled when
  // neither the page numbers nor that plan change. The sample: two placing passes, one drawn.
  const numbered = printsPageNumbers(model.sections);
  // A model that prints no page numbers in its text starts with a real pass.
  let pages: ReadonlyMap<string, number> | null = numbered ? null : new Map();
  let plan: ReadonlyMap<string, TailFit> = new Map();
  // A pass after the plan changed moves pages: it only places text (it is not the last).
  let replanned = false;
  for (let pass = 0; pass < 5; pass++) {
    const laid = layOut(model, options, pages, plan, pages === null || replanned);
    const next = nextPlan(plan, laid.flow);
    const settled =
      !laid.flow.dry && (!numbered || samePages(pages!, laid.flow.anchors)) && samePlan(plan, next);
    if (settled) return finishPdf(laid.flow.doc, laid.output);
    if (numbered) pages = new Map(laid.flow.anchors);
    replanned = !samePlan(plan, next);
    plan = next;
    laid.discard();
  }
  const last = layOut(model, options, pages, plan, false);
  return finishPdf(last.flow.doc, last.output);
}

/** The plan for the next pass: how each unit a pass found with a short tail is fitted. */
function nextPlan(plan: ReadonlyMap<string, TailFit>, flow: Flow): Map<string, TailFit> {
  const next = new Map(plan);
  const bodyLine = lineHeight({ size: BODY.size });
  for (const [key, unit] of flow.units) {
    const current = plan.get(key) ?? AS_DESIGNED;
    const fit = fitTail(unit, current, bodyLine);
    if (!sameFit(fit, current)) next.set(key, fit);
  }
  return next;
}

function samePlan(a: ReadonlyMap<string, TailFit>, b: ReadonlyMap<string, TailFit>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.has(k) && sameFit(b.get(k)!, v));
}

function printsPageNumbers(sections: readonly Section[]): boolean {
  return sections.some(
    (s) => /"type":"(?:cite|page)"/.test(JSON.stringify(s.blocks)) || printsPageNumbers(s.children),
  );
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

function layOut(
  model: PackDocument,
  options: PdfOptions,
  pages: ReadonlyMap<string, number> | null,
  tightness: ReadonlyMap<string, TailFit>,
  dry: boolean,
): { flow: Flow; output: Promise<Uint8Array>; discard: () => void } {
  const attach = options.readAttachment ? model.attachments.length > 0 : false;
  const { doc, output } = createPdfDocument(model, attach);
  registerFonts(doc);
  const flow = new Flow(doc);
  flow.dry = dry;
  flow.plan = tightness;
  flow.measurer = () => {
    const scratch = new PDFDocument({ size: [PAGE.width, PAGE.height], bufferPages: true });
    registerFonts(scratch);
    return new Flow(scratch);
  };
  const embedded = new Set(attach ? model.attachments.map((a) => a.path) : []);
  flow.refs = {
    pageOf: (anchor) => {
      if (pages === null) return "000";
      const page = pages.get(anchor);
      return page === undefined ? "" : String(page + 1);
    },
    embedded: (path) => embedded.has(path),
    volumeOf: (anchor) => {
      const volume = volumeElsewhere(model, anchor);
      return volume ? { number: volume.number, file: `${volume.file}.pdf` } : null;
    },
  };
  const date = new Date(`${model.build.date}T00:00:00Z`);
  if (attach && options.readAttachment)
    flow.openFile = fileOpener(doc, model.attachments, options.readAttachment, date);
  const root = struct(doc, "Document");
  doc.addStructure(root);

  renderCover(flow, model, root);

  const entries = attach
    ? [...model.contents, { anchor: ATTACHED_ANCHOR, title: ATTACHED_TITLE, children: [] }]
    : model.contents;
  const plan = planContents(flow, entries);
  flow.section = "Contents";
  flow.newPage(true);
  const contentsPage = flow.page;
  flow.destination("contents", flow.pageTop);
  pointOutlineAt(doc.outline.addItem("Contents"), "contents");
  for (let i = 1; i < plan.pages; i++) flow.newPage(true);
  const contents = flow.struct(root, "Sect");
  flow.touch();

  const ctx = { mentions: model.mentions };
  for (const section of model.sections) renderSection(flow, section, root, doc.outline, ctx);
  if (attach) renderAttachedFiles(flow, model.attachments, root, doc.outline);
  flow.endUnit();
  const discard = (): void => void output.catch(() => undefined);
  // A pass whose pages are thrown away is never ended: its output is simply dropped.
  if (flow.dry) return { flow, output, discard };

  drawContents(flow, plan, contentsPage, contents);
  contents.end();
  // The pack's own title (a volume's title adds its number and name, told on its cover and feet).
  drawPageFurniture(flow, model.organisation, model.cover.title);
  if (attach && options.readAttachment)
    embedAttachments(doc, model.attachments, options.readAttachment, date);
  root.end();
  return { flow, output, discard };
}
