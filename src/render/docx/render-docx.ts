import { AlignmentType, Document, Footer, Header, PageNumber, Paragraph, TabStopType, TextRun } from "docx";
import type { PackDocument } from "../../pack/document-model.js";
import { docxContext, type DocxContext } from "./docx-context.js";
import { foreseeBody } from "./docx-foresee.js";
import { numberingOf } from "./docx-lists.js";
import { packDocx } from "./docx-package.js";
import { docxBody } from "./docx-sections.js";
import { packStyles, STYLE } from "./docx-styles.js";
import { PAGE, TEXT_WIDTH } from "./docx-theme.js";

/**
 * Renders the pack as a Word document (.docx) from the document model alone, as the HTML and PDF
 * renderers do: built-in heading styles, bookmarks and links, a table of contents field, tables
 * with repeating header rows, the chart as a picture. The same document and build date give the
 * same bytes.
 */
export async function renderDocx(doc: PackDocument): Promise<Uint8Array> {
  return packDocx(
    {
      context: () => docxContext(doc),
      foresee: (ctx) => foreseeBody(ctx, doc),
      body: (ctx) => docxBody(ctx, doc),
      document: (ctx) => documentOf(doc, ctx),
    },
    doc,
  );
}

/** The document around the body (the body's children are written piece by piece: packDocx). */
function documentOf(doc: PackDocument, ctx: DocxContext): Document {
  return new Document({
    title: doc.title,
    creator: doc.organisation,
    lastModifiedBy: doc.organisation,
    description: `${doc.cover.subtitle}. Built by ${doc.build.generator}.`,
    styles: packStyles(doc.language),
    numbering: numberingOf(ctx.listStarts),
    features: { updateFields: true },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: PAGE.header,
              footer: PAGE.footer,
            },
          },
        },
        headers: { default: runningHead(doc), first: new Header({ children: [] }) },
        footers: { default: runningFoot(), first: new Footer({ children: [] }) },
        children: [],
      },
    ],
  });
}

/** The organisation on the left, the pack's title on the right, on every page but the cover. */
function runningHead(doc: PackDocument): Header {
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.headerFooter,
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [new TextRun(doc.organisation), new TextRun({ children: ["\t", doc.title] })],
      }),
    ],
  });
}

/** "Page X of Y", as fields Word and LibreOffice fill in. */
function runningFoot(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.headerFooter,
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}
