interface PageInternals {
  content: PDFKit.PDFKitReference & { end(): void };
  dictionary: { data: { Contents: unknown } };
}

/**
 * Writes out what has been drawn on a page so far, compressed, and gives the page a second,
 * empty content stream for what comes later (running heads and page numbers, drawn once the
 * page count is known). pdfkit keeps a buffered page's drawing operators as one small array
 * each until the very end; for a pack of thousands of pages that alone would take gigabytes.
 * A page's content streams are read as one, so nothing about the drawing changes.
 */
export function sealPageContent(doc: PDFKit.PDFDocument, page: PDFKit.PDFPage): void {
  const p = page as unknown as PageInternals;
  const drawn = p.content;
  const later = doc.ref({}) as PageInternals["content"];
  // A stream, even if nothing more is drawn (the cover): an empty object would not be one.
  later.write("");
  p.content = later;
  p.dictionary.data.Contents = [drawn, later];
  drawn.end();
}
