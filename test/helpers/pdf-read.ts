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
  return getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
}

/** The text items of every page (index 0 = page 1). */
export async function pageTexts(pdf: PdfFile): Promise<PdfText[][]> {
  const pages: PdfText[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      content.items.flatMap((item) =>
        "str" in item
          ? [
              {
                str: item.str,
                x: item.transform[4] as number,
                y: item.transform[5] as number,
                width: item.width,
                height: item.height,
                eol: item.hasEOL,
              },
            ]
          : [],
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
export async function metadataOf(
  pdf: PdfFile,
): Promise<{ info: Record<string, unknown>; xmpTitle: unknown }> {
  const { info, metadata } = await pdf.getMetadata();
  return { info: info as Record<string, unknown>, xmpTitle: metadata?.get("dc:title") ?? null };
}

/** One row of a contents page: the destination its link names, and the page number printed on it. */
export interface ContentsRow {
  dest: string;
  /** The number printed at the row's right end, or null when there is none. */
  printed: number | null;
  /** The 0-based page its destination is on. */
  target: number | null;
}

/** The rows (link annotations) of a contents page, 0-based `page`. */
export async function contentsRows(
  pdf: PdfFile,
  page: number,
  texts: readonly PdfText[],
): Promise<ContentsRow[]> {
  const annotations = await (await pdf.getPage(page + 1)).getAnnotations();
  const rows: ContentsRow[] = [];
  for (const a of annotations) {
    if (a.subtype !== "Link" || typeof a.dest !== "string") continue;
    const [, y1, x2, y2] = a.rect as number[];
    const number = texts.find(
      (t) => /^\d+$/.test(t.str) && t.x + t.width > x2! - 2 && t.y > y1! && t.y < y2!,
    );
    rows.push({
      dest: a.dest,
      printed: number ? Number(number.str) : null,
      target: await destinationPage(pdf, a.dest),
    });
  }
  return rows;
}
