import { PAGE } from "../../src/render/pdf/theme.js";
import type { PdfFile } from "./pdf-read.js";

/** One line of a page's tagged content (artifacts such as running heads left out). */
export interface TaggedLine {
  text: string;
  /** Baseline, in PDF user space (origin bottom left). */
  y: number;
  /** Left and right ends of the line's text. */
  left: number;
  right: number;
  /** The structure tags of the marked content on the line (P, H3, TH, Link, ...). */
  tags: Set<string>;
}

/** The tagged lines of every page (index 0 = page 1), top to bottom. */
export async function taggedLines(pdf: PdfFile): Promise<TaggedLine[][]> {
  const pages: TaggedLine[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent({ includeMarkedContent: true });
    const stack: string[] = [];
    const byY = new Map<number, TaggedLine>();
    for (const item of content.items) {
      if (!("str" in item)) {
        if (item.type === "endMarkedContent") stack.pop();
        else stack.push((item as { tag?: string }).tag ?? "");
        continue;
      }
      if (!item.str.trim() || stack.includes("Artifact") || stack.length === 0) continue;
      const y = Math.round((item.transform[5] as number) * 2) / 2;
      const x = item.transform[4] as number;
      const line = byY.get(y) ?? { text: "", y, left: x, right: x, tags: new Set<string>() };
      line.text += item.str;
      line.left = Math.min(line.left, x);
      line.right = Math.max(line.right, x + item.width);
      for (const t of stack) line.tags.add(t);
      byY.set(y, line);
    }
    pages.push([...byY.values()].sort((a, b) => b.y - a.y));
  }
  return pages;
}

const isHeading = (l: TaggedLine) => [...l.tags].some((t) => /^H\d$/.test(t));
const isText = (l: TaggedLine) => l.tags.has("P") && !isHeading(l);
/** A line broken by the line breaker reaches close to the column's right edge. */
const COLUMN_RIGHT = PAGE.width - PAGE.right;
const isFull = (l: TaggedLine) => l.right > COLUMN_RIGHT - 60;
/** Lines of one paragraph are one body line apart (a little less when a unit is set tighter). */
const SAME_PARAGRAPH = 10.5 * 1.45 + 1;

/**
 * Whether `line` can carry on the paragraph `prev` ends: both text, `line` no list item's first
 * line (which has a label), at the same left edge (a list item's first line starts at its label).
 */
function continuesLine(prev: TaggedLine, line: TaggedLine): boolean {
  if (!isText(prev) || !isText(line) || line.tags.has("Lbl")) return false;
  return prev.tags.has("Lbl") ? line.left > prev.left : Math.abs(prev.left - line.left) < 1;
}

/** The paragraphs (runs of text lines one line apart, at one left edge) of a page, top to bottom. */
function paragraphs(lines: readonly TaggedLine[]): TaggedLine[][] {
  const out: TaggedLine[][] = [];
  let run: TaggedLine[] = [];
  for (const line of lines) {
    const prev = run[run.length - 1];
    if (prev && continuesLine(prev, line) && prev.y - line.y <= SAME_PARAGRAPH) {
      run.push(line);
      continue;
    }
    if (run.length) out.push(run);
    run = isText(line) ? [line] : [];
    if (!isText(line)) out.push([line]);
  }
  if (run.length) out.push(run);
  return out;
}

/** A page (1-based number) and what is wrong with it. */
export interface PageFault {
  page: number;
  fault: string;
}

/**
 * What a typesetter would mark on the pages from `from` (0-based) on: a page ending with a
 * heading; a page holding only a few lines that continue a section, followed by a page starting
 * a new one (or nothing); one line of a paragraph alone at a page's foot or top; a table's
 * caption or header row alone at a foot.
 */
export function paginationFaults(pages: readonly TaggedLine[][], from: number, tailLines = 4): PageFault[] {
  const faults: PageFault[] = [];
  for (let i = from; i < pages.length; i++) {
    const lines = pages[i]!;
    if (lines.length === 0) continue;
    const last = lines[lines.length - 1]!;
    const page = i + 1;
    const next = pages[i + 1];
    if (isHeading(last) && next) faults.push({ page, fault: `ends with the heading "${last.text}"` });
    if (next && (last.tags.has("TH") || last.tags.has("Caption")) && !last.tags.has("TD"))
      faults.push({ page, fault: `ends with a table's header "${last.text}"` });
    const startsNew = !next || next.length === 0 || isHeading(next[0]!);
    if (!isHeading(lines[0]!) && lines.length <= tailLines && startsNew)
      faults.push({
        page,
        fault: `holds only ${lines.length} line(s) ending a section: "${lines[0]!.text}"`,
      });
    if (!next || next.length === 0) continue;
    const foot = paragraphs(lines).at(-1)!;
    const top = paragraphs(next)[0]!;
    // A paragraph may end exactly at a full line; one ending with a sentence and followed by a
    // capital is taken to have ended there.
    const sentenceEnds = /[.!?:][’”)]*$/.test(last.text) && /^\P{Ll}/u.test(next[0]!.text);
    const continues = isFull(last) && continuesLine(last, next[0]!) && !sentenceEnds;
    if (continues && foot.length === 1)
      faults.push({ page, fault: `one line alone at the foot: "${last.text}"` });
    if (continues && top.length === 1)
      faults.push({ page: page + 1, fault: `one line alone at the top: "${next[0]!.text}"` });
  }
  return faults;
}
