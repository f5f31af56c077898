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

/**
 * About this much of a long table is made and written at a time (see tablePieces): a row weighs
 * one per cell, or the number of inlines in a cell when more (a cell listing 500 evidence items
 * weighs 500), so a table of few rows with long cells goes in parts too.
 */
const WEIGHT_PER_PIECE = 250;

/** Whether a table is long enough to be made and written in parts. */
export function isLongTable(block: TableBlock): boolean {
  let weight = 0;
  for (const row of block.rows) if ((weight += rowWeight(block, row)) > WEIGHT_PER_PIECE) return true;
  return false;
}

/** A row's weight: one per column, or a cell's inlines when there are more. */
function rowWeight(block: TableBlock, row: TableBlock["rows"][number]): number {
  let weight = 0;
  for (let i = 0; i < block.columns.length; i++) weight += Math.max(1, row[i]?.length ?? 0);
  return Math.max(1, weight);
}

/**
 * A table in parts, in the order docxTable makes them: the table with its header row, then its
 * rows a few at a time (about WEIGHT_PER_PIECE each, at least one row), then its end. Written one
 * after another they give docxTable's XML.
 */
export function* tablePieces(ctx: DocxContext, block: TableBlock): Generator<BodyPiece> {
  yield { tableStart: docxTable(ctx, { ...block, rows: [] }) };
  const widths = columnWidths(block.columns);
  let rows: TableRow[] = [];
  let weight = 0;
  for (const row of block.rows) {
    const w = rowWeight(block, row);
    if (rows.length > 0 && weight + w > WEIGHT_PER_PIECE) {
      yield { tableRows: rows };
      rows = [];
      weight = 0;
    }
    rows.push(tableRow(ctx, block, row, widths));
    weight += w;
  }
  if (rows.length > 0) yield { tableRows: rows };
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
