import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** A PDF opened with pdfjs-dist (the legacy build runs in Node without a worker file). */
export type PdfFile = Awaited<ReturnType<typeof getDocument>["promise"]>;

/** One piece of text on a page, in PDF user space (origin bottom left). */
export interface PdfText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The item ends a line. */
  eol: boolean;
}

/** Opens PDF bytes. */
export async function openPdf(bytes: Uint8Array): Promise<PdfFile> {
  // pdfjs may transfer the buffer it is given: pass a copy so the caller's bytes stay usable.
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
}

/** The text items of every page (index 0 = page 1). */
export async function pageTexts(pdf: PdfFile): Promise<PdfText[][]> {
  const pages: PdfText[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      content.items.flatMap((item) =>
        "str" in item ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height, eol: item.hasEOL }] : [],
      ),
    );
  }
  return pages;
}

/** The text of a page as one string: pieces of a line run together, lines joined with a space. */
export function joined(items: readonly PdfText[]): string {
  return items
    .map((i) => (i.eol ? `${i.str} ` : i.str))
    .join("")
    .replace(/\s+/g, " ");
}

/** The 0-based page index a destination (name or explicit array) points at. */
export async function destinationPage(pdf: PdfFile, dest: string | unknown[] | null): Promise<number | null> {
  const explicit = typeof dest === "string" ? await pdf.getDestination(dest) : dest;
  if (!explicit || !Array.isArray(explicit)) return null;
  const ref = explicit[0];
  return typeof ref === "number" ? ref : pdf.getPageIndex(ref as { num: number; gen: number });
}

/** The Info dictionary (with pdfjs's Language from the catalogue) and the XMP dc:title. */
export async function metadataOf(pdf: PdfFile): Promise<{ info: Record<string, unknown>; xmpTitle: unknown }> {
  const { info, metadata } = await pdf.getMetadata();
  return { info: info as Record<string, unknown>, xmpTitle: metadata?.get("dc:title") ?? null };
}
