import type { PackDocument } from "../../pack/document-model.js";
import {
  ATTACHED_ANCHOR,
  ATTACHED_TITLE,
  embedAttachments,
  fileOpener,
  type ReadAttachment,
  attachedFilesSteps,
} from "./attachments.js";
import { drawContents, planContents } from "./contents.js";
import { renderCover } from "./cover.js";
import { Flow } from "./flow.js";
import type { TailFit } from "./keep.js";
import { ByteSink } from "./byte-sink.js";
import { Deflater } from "./deflate-aside.js";
import { dryDocument } from "./dry-document.js";
import { registerFonts } from "./fonts.js";
import { pageFurniture } from "./page-furniture.js";
import { createPdfDocument, finishPdf } from "./pdf-document.js";
import { pointOutlineAt, struct } from "./pdfkit-extras.js";
import { sectionSteps } from "./sections.js";
import { volumeElsewhere } from "../../pack/volumes.js";

export type { ReadAttachment } from "./attachments.js";

/** How the PDF is built. */
export interface PdfOptions {
  /** Embed every attachment (`--attach`), reading its bytes with this function; omit to embed none. */
  readAttachment?: ReadAttachment | null;
}

/** Where a PDF's bytes go as they are made. */
export interface PdfSink {
  /** The next bytes of the file. */
  add(chunk: Uint8Array): void;
  /** Forgets every byte added: a layout pass found its pages moved, and the file is written again. */
  reset(): void;
}

/** What a layout pass learnt of the pages: every destination's page, and each page's section. */
interface Pagination {
  anchors: ReadonlyMap<string, number>;
  /** The section of each page (its running foot), index 0 the cover; its length is the page count. */
  sections: readonly string[];
}

/** Renders the pack to a PDF in memory (see renderPdfTo). */
export async function renderPdf(model: PackDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  const sink = new ByteSink();
  await renderPdfTo(model, sink, options);
  return sink.bytes();
}

/**
 * Renders the pack's document model to a tagged, navigable PDF: cover, contents with page
 * numbers, the sections in the model's order, an outline, running heads and "Page X of Y", and
 * with `readAttachment` every attachment embedded. The same model gives the same bytes. The
 * bytes go to `sink` page by page, so memory does not grow with the pack.
 *
 * Order of work: the contents are planned first so their pages can be reserved after the cover.
 * A dry pass (no pdfkit document at all) places every line without drawing it, and learns each
 * destination's page, each page's section and the page count; a unit whose last page would hold
 * only a few lines is laid out again, tighter, within the pass. Page numbers the text cites are
 * not known yet: the pass sets stand-ins (zeros, as many as the pages are likely to need:
 * `standInPage`). It is repeated, with longer stand-ins, only if the pack has more pages than
 * they can number. The drawing pass then knows the pages from the start: the contents get their
 * page numbers, citations the pages they cite, and each page its running head and "Page X of Y"
 * as it is finished, after which it is written out. Its lines break as the dry pass's did, since
 * each page number is measured as the stand-in where lines break and set as itself (a number has
 * no more digits than the stand-in, so a line can only end a little short), so its pages are the
 * dry pass's. Should they differ all the same, the drawing is thrown away and done again with its
 * own pages (four drawings at most).
 */
export async function renderPdfTo(
  model: PackDocument,
  sink: PdfSink,
  options: PdfOptions = {},
): Promise<void> {
  // Only what a dry pass learnt is kept. Each dry pass also settles how each unit (an element, a
  // case study) whose last page would hold only a few lines is fitted (keep.ts `fitTail`): such
  // a unit is laid out again, tighter, before the pass goes on (Flow.layOutSteps).
  // The thread that deflates the drawing's pages starts now, so it is ready when the first ends.
  Deflater.shared();
  const dryPass = (standIn: string, plan: ReadonlyMap<string, TailFit>) => {
    const laid = layOut(model, options, { known: null, standIn, draw: false, plan }, () => undefined);
    return { pagination: laid.pagination, plan: laid.plan };
  };
  let standIn = standInPage(model);
  let dry = dryPass(standIn, new Map());
  // Another dry pass while the pages outnumber what the stand-ins can number: the numbers would
  // be wider than the room the lines left them.
  for (let pass = 0; pass < 4 && pageDigits(dry.pagination) > standIn.length; pass++) {
    standIn = "0".repeat(pageDigits(dry.pagination));
    dry = dryPass(standIn, dry.plan);
  }
  const plan = dry.plan;
  let known = dry.pagination;
  // Only the current drawing writes: a drawing thrown away may still deliver bytes it had made.
  let drawing = 0;
  for (let pass = 0; ; pass++) {
    sink.reset();
    const mine = ++drawing;
    if (pageDigits(known) > standIn.length) standIn = "0".repeat(pageDigits(known));
    const laid = layOut(model, options, { known, standIn, draw: true, plan }, (chunk) => {
      if (mine === drawing) sink.add(chunk);
    });
    if (samePagination(known, laid.pagination) || pass === 3) return laid.finish();
    known = laid.pagination;
    laid.discard();
  }
}

/**
 * What a dry pass sets for a page number: zeros, as many as the pages of the document are likely
 * to need, three at least. Its anchors (in a volume, the pack's anchors it holds; else the ids
 * that can be cited) are a floor for its pages: a pack has about 1.3 pages an id, a volume 0.9 to
 * 2 pages an anchor (the benchmark's packs and the sample), so 90% of them is taken. A pack of
 * thousands of pages then has four-digit stand-ins from the start and needs one dry pass (issue
 * 22). Too few digits cost another dry pass; one too many, lines ending a digit's width short
 * where they cite a page.
 */
export function standInPage(model: PackDocument): string {
  const volume = model.volume;
  let anchors = model.mentions.length;
  if (volume) {
    anchors = 0;
    for (const key in volume.anchors) if (volume.anchors[key] === volume.number) anchors++;
  }
  return "0".repeat(Math.max(3, String(Math.floor(anchors * 0.9)).length));
}

/** The number of digits the last page's number has. */
function pageDigits(pagination: Pagination): number {
  return String(pagination.sections.length).length;
}

function pageText(page: number | undefined): string {
  return page === undefined ? "" : String(page + 1);
}

function samePagination(a: Pagination, b: Pagination): boolean {
  if (a.anchors.size !== b.anchors.size || a.sections.length !== b.sections.length) return false;
  for (const [k, v] of a.anchors) if (b.anchors.get(k) !== v) return false;
  return a.sections.every((s, i) => b.sections[i] === s);
}

/**
 * One layout pass, with the pages `known` from an earlier pass (none in a dry pass, which sets
 * `standIn` for every page number). Page numbers are measured as `standIn` where lines break. A
 * dry pass places every line but draws nothing and keeps nothing. Returns what the pass learnt of
 * its own pages and a function that ends the document (a pass thrown away is never ended: its
 * output is simply dropped).
 */
function layOut(
  model: PackDocument,
  options: PdfOptions,
  {
    known,
    standIn,
    draw,
    plan: tightness,
  }: { known: Pagination | null; standIn: string; draw: boolean; plan: ReadonlyMap<string, TailFit> },
  write: (chunk: Uint8Array) => void,
): {
  pagination: Pagination;
  plan: ReadonlyMap<string, TailFit>;
  finish: () => Promise<void>;
  discard: () => void;
} {
  const attach = options.readAttachment ? model.attachments.length > 0 : false;
  // A dry pass makes no document at all: its stand-in measures text and ignores everything else.
  const { doc, output } = draw
    ? createPdfDocument(model, write)
    : { doc: dryDocument(), output: Promise.resolve() };
  if (draw) registerFonts(doc);
  const flow = new Flow(doc);
  flow.dry = !draw;
  flow.settle = !draw;
  flow.plan = new Map(tightness);
  flow.measurer = () => new Flow(dryDocument());
  const embedded = new Set(attach ? model.attachments.map((a) => a.path) : []);
  const pageOf = (anchor: string) => known?.anchors.get(anchor);
  flow.refs = {
    pageOf: (anchor) => (known === null ? standIn : pageText(pageOf(anchor))),
    pageStandIn: standIn,
    embedded: (path) => embedded.has(path),
    volumeOf: (anchor) => {
      const volume = volumeElsewhere(model, anchor);
      return volume ? { number: volume.number, file: `${volume.file}.pdf` } : null;
    },
  };
  const furniture =
    draw &&
    known !== null &&
    pageFurniture(flow, model.organisation, model.cover.title, known.sections.length);
  if (furniture) flow.onPageEnd = (page) => furniture(page, flow.pageSection[page] ?? "");
  const date = new Date(`${model.build.date}T00:00:00Z`);
  if (draw && attach && options.readAttachment)
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
  flow.destination("contents", flow.pageTop);
  pointOutlineAt(doc.outline.addItem("Contents"), "contents");
  const contents = flow.struct(root, "Sect");
  if (flow.dry) for (let i = 1; i < plan.pages; i++) flow.newPage(true);
  else {
    drawContents(flow, plan, contents, pageOf);
    contents.end();
  }
  flow.touch();

  const ctx = { mentions: model.mentions };
  const steps = sectionSteps(flow, model.sections, root, doc.outline, ctx);
  if (attach) steps.push(...attachedFilesSteps(flow, model.attachments, root, doc.outline));
  flow.layOutSteps(steps);
  const pagination = { anchors: flow.anchors, sections: flow.pageSection.slice(0, flow.page + 1) };
  const discard = (): void => void output.catch(() => undefined);
  const finish = async (): Promise<void> => {
    flow.onPageEnd?.(flow.page);
    if (attach && options.readAttachment)
      embedAttachments(doc, model.attachments, options.readAttachment, date);
    root.end();
    await finishPdf(doc, output);
  };
  return { pagination, plan: flow.plan, finish, discard };
}
