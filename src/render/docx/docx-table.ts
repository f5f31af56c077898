import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from "docx";
import type { Inline, TableBlock, TableColumn } from "../../pack/document-model.js";
import type { BodyPiece } from "./docx-blocks.js";
import type { DocxContext } from "./docx-context.js";
import { inlineRuns, textRuns } from "./docx-inlines.js";
import { STYLE } from "./docx-styles.js";
import { COLOUR, TEXT_WIDTH } from "./docx-theme.js";

/** A row with less text than this is kept on one page; a longer one may break (it might not fit). */
const SHORT_ROW_CHARACTERS = 400;

const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOUR.rule };

/**
 * A table whose header row repeats on every page (`w:tblHeader`) and whose short rows are not
 * split across pages (`w:cantSplit`); column widths are the model's shares of the text width.
 */
export function docxTable(ctx: DocxContext, block: TableBlock): Table {
  const widths = columnWidths(block.columns);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (column, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: COLOUR.tableHead, color: "auto" },
          children: [cellParagraph(column, textRuns(column.label, { bold: true }))],
        }),
    ),
  });
  const rows = block.rows.map((row) => tableRow(ctx, block, row, widths));
  return new Table({
    rows: [header, ...rows],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: RULE,
      bottom: RULE,
      left: RULE,
      right: RULE,
      insideHorizontal: RULE,
      insideVertical: RULE,
    },
    margins: { top: 50, bottom: 50, left: 80, right: 80 },
  });
}

function tableRow(
  ctx: DocxContext,
  block: TableBlock,
  row: TableBlock["rows"][number],
  widths: readonly number[],
): TableRow {
  return new TableRow({
    cantSplit: lengthOf(row) < SHORT_ROW_CHARACTERS,
    children: block.columns.map(
      (column, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          children: [
            cellParagraph(column, inlineRuns(ctx, row[i] ?? [], { bold: block.rowHeaders && i === 0 })),
          ],
        }),
    ),
  });
}

/** About this many cells of a long table are made and written at a time (see tablePieces). */
const CELLS_PER_PIECE = 2000;

/** Whether a table is long enough to be made and written in parts. */
export function isLongTable(block: TableBlock): boolean {
  return block.rows.length * Math.max(1, block.columns.length) > CELLS_PER_PIECE;
}

/**
 * A table in parts, in the order docxTable makes them: the table with its header row, then its
 * rows a few at a time, then its end. Written one after another they give docxTable's XML.
 */
export function* tablePieces(ctx: DocxContext, block: TableBlock): Generator<BodyPiece> {
  yield { tableStart: docxTable(ctx, { ...block, rows: [] }) };
  const widths = columnWidths(block.columns);
  const step = Math.max(1, Math.floor(CELLS_PER_PIECE / Math.max(1, block.columns.length)));
  for (let i = 0; i < block.rows.length; i += step)
    yield { tableRows: block.rows.slice(i, i + step).map((row) => tableRow(ctx, block, row, widths)) };
  yield { tableEnd: true };
}

function cellParagraph(column: TableColumn, children: ReturnType<typeof inlineRuns>): Paragraph {
  return new Paragraph({
    style: STYLE.table,
    alignment: column.align === "end" ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children,
  });
}

/** The columns' widths in twips: their shares of the text width, summing to it exactly. */
function columnWidths(columns: readonly TableColumn[]): number[] {
  const weights = columns.map((c) => (c.width > 0 ? c.width : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  if (widths.length > 0) widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function lengthOf(row: readonly (readonly Inline[])[]): number {
  return row.reduce((n, cell) => n + cell.reduce((m, inline) => m + inlineLength(inline), 0), 0);
}

/** How many characters an inline shows, for weighing columns. */
function inlineLength(inline: Inline): number {
  if (inline.type === "cite") return inline.id.length + 1 + inline.title.length;
  if (inline.type === "page") return 0;
  return inline.text.length;
}
