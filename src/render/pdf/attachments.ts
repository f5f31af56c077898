import { createHash } from "node:crypto";
import type { Attachment, Inline } from "../../pack/document-model.js";
import { BODY_BOX, type Flow, type LayoutStep } from "./flow.js";
import { heading } from "./headings.js";
import { pointOutlineAt, type Rect, type StructElement } from "./pdfkit-extras.js";
import { runsFromInline } from "./runs.js";
import { renderTable } from "./table.js";
import { BODY } from "./theme.js";
import { plural } from "../../util/plural.js";

/** Anchor of the list of attached files (PDF only, with --attach). */
export const ATTACHED_ANCHOR = "attached-files";
export const ATTACHED_TITLE = "Attached files";

/** Reads an attachment's bytes by root-relative path (the caller's file system or git tree). */
export type ReadAttachment = (path: string) => Uint8Array;

const TYPES: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  csv: "text/csv",
  txt: "text/plain",
  md: "text/markdown",
};

/** Every attachment once, in the order the pack first shows it. */
export function uniqueAttachments(list: readonly Attachment[]): Attachment[] {
  const seen = new Set<string>();
  return list.filter((a) => !seen.has(a.path) && seen.add(a.path));
}

/** An attachment whose bytes changed between hashing and embedding: the world moved, not a bug. */
export class AttachmentChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed while the pack was being built`);
    this.name = "AttachmentChangedError";
  }
}

/**
 * Embeds each attachment as an embedded file named by its root-relative path, described with
 * its size and SHA-256. The bytes must still hash to what the pack lists: a file that changed
 * while the pack was being built is an error, not a silent mismatch.
 */
export function embedAttachments(
  doc: PDFKit.PDFDocument,
  list: readonly Attachment[],
  read: ReadAttachment,
  date: Date,
): void {
  for (const a of uniqueAttachments(list)) doc.file(...fileArguments(a, read, date));
}

/** pdfkit's arguments for one embedded file, the same everywhere so its bytes are stored once. */
function fileArguments(
  a: Attachment,
  read: ReadAttachment,
  date: Date,
): [Buffer, PDFKit.Mixins.PDFAttachmentOptions] {
  const bytes = read(a.path);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== a.sha256) throw new AttachmentChangedError(a.path);
  const ext = a.name.includes(".") ? a.name.slice(a.name.lastIndexOf(".") + 1).toLowerCase() : "";
  return [
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    {
      name: a.path,
      description: `${a.path}: ${a.size} bytes, SHA-256 ${a.sha256}`,
      creationDate: date,
      modifiedDate: date,
      relationship: "Supplement",
      ...(TYPES[ext] ? { type: TYPES[ext] } : {}),
    } as PDFKit.Mixins.PDFAttachmentOptions,
  ];
}

/** pdfkit's file-attachment annotation, which @types/pdfkit does not describe. */
interface FileAnnotating {
  fileAnnotation(x: number, y: number, w: number, h: number, file: object, options: object): void;
}

/**
 * Lets citations of attached files open them: a file-attachment annotation over the words
 * "(open the file)", pointing at the same embedded stream as the list of attachments, with an
 * empty appearance so no icon is painted over the text (the words are underlined as links are).
 */
export function fileOpener(
  doc: PDFKit.PDFDocument,
  list: readonly Attachment[],
  read: ReadAttachment,
  date: Date,
): (path: string, rect: Rect, label: string, el: StructElement) => void {
  const byPath = new Map(uniqueAttachments(list).map((a) => [a.path, a]));
  return (path, rect, label, el) => {
    const a = byPath.get(path);
    if (!a) return;
    const [src, options] = fileArguments(a, read, date);
    const appearance = doc.ref({
      Type: "XObject",
      Subtype: "Form",
      BBox: [0, 0, rect.w, rect.h],
      Resources: {},
    });
    appearance.end("");
    (doc as unknown as FileAnnotating).fileAnnotation(
      rect.x,
      rect.y,
      rect.w,
      rect.h,
      { src, ...options, hidden: true },
      { structParent: el, Contents: label, AP: { N: appearance }, F: 4 },
    );
  };
}

/**
 * The closing section listing what is embedded: path, size, SHA-256 and the item it belongs to,
 * in two steps: the first starts its page (a unit for the pagination rules), the second sets it.
 */
export function attachedFilesSteps(
  flow: Flow,
  list: readonly Attachment[],
  parent: StructElement,
  outline: PDFKit.PDFOutline,
): LayoutStep[] {
  const start = () => {
    flow.section = ATTACHED_TITLE;
    flow.startUnit(ATTACHED_ANCHOR, ATTACHED_TITLE);
  };
  return [{ run: start, startsUnit: true }, { run: () => renderAttachedFiles(flow, list, parent, outline) }];
}

function renderAttachedFiles(
  flow: Flow,
  list: readonly Attachment[],
  parent: StructElement,
  outline: PDFKit.PDFOutline,
): void {
  const files = uniqueAttachments(list);
  const sect = flow.struct(parent, "Sect");
  heading(flow, ATTACHED_TITLE, 2, BODY_BOX, sect, ATTACHED_ANCHOR);
  pointOutlineAt(outline.addItem(ATTACHED_TITLE), ATTACHED_ANCHOR);
  const intro: Inline[] = [
    {
      type: "text",
      text:
        `This PDF carries ${plural(files.length, "file")} as attachments (open your viewer's attachments panel). ` +
        "Each is named by its path in the submission; its SHA-256 lets you check it is the file that was submitted.",
      strong: false,
    },
  ];
  flow.paragraph(runsFromInline(intro), BODY_BOX, { size: BODY.size }, sect);
  flow.gap(8);
  renderTable(
    flow,
    {
      type: "table",
      caption: "Files embedded in this PDF",
      columns: [
        { label: "File", align: "start", width: 5, nowrap: false },
        { label: "Item", align: "start", width: 1.4, nowrap: true },
        { label: "Size (bytes)", align: "end", width: 1.8, nowrap: true },
        { label: "SHA-256", align: "start", width: 5.2, nowrap: false },
      ],
      rows: files.map((f) => [
        [{ type: "code", text: f.path }],
        [{ type: "ref", anchor: f.owner, text: f.owner.replace(/^(ev|cs)-/, "") }],
        [{ type: "text", text: String(f.size), strong: false }],
        [{ type: "code", text: f.sha256 }],
      ]),
      rowHeaders: true,
    },
    BODY_BOX,
    sect,
  );
  flow.flush();
  sect.end();
}
