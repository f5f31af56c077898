/** The four sheets of FORMAT.md's workbook, in the order the workbook holds them. */
export const SHEET_NAMES = ["Evidence", "Case studies", "Self-assessment", "Actions"] as const;

/** One of the four sheets. */
export type SheetName = (typeof SHEET_NAMES)[number];

/** How a column's cells are read on import. */
export type ColumnKind = "text" | "date" | "list" | "bool" | "export-only";

/** One column of a sheet. */
export interface ColumnSpec {
  /** The header cse writes. */
  header: string;
  /** Other headers accepted on import for this column (in this sheet only). */
  synonyms: string[];
  /** How its cells are read. */
  kind: ColumnKind;
}

const col = (header: string, kind: ColumnKind, ...synonyms: string[]): ColumnSpec => ({
  header,
  kind,
  synonyms,
});

// The shared columns of evidence items and case studies, with FORMAT.md's synonyms.
const ID = col("ID", "text", "Ref", "Reference", "Evidence ref");
const TITLE = col("Title", "text", "Evidence", "Evidence title", "Name");
const ELEMENT = col("Element", "list", "Elements", "Criterion", "Criteria");
const NOTE = col("Note", "text", "Notes", "Comment");
const SECTIONS = col("Sections", "list", "Section");
const OWNER = col("Owner", "text");
const DATE = col("Date", "date");
const STATUS = col("Status", "text");

/** The columns of every sheet, in the order cse writes them (FORMAT.md v2, "Spreadsheets"). */
export const SHEET_COLUMNS: Record<SheetName, ColumnSpec[]> = {
  Evidence: [
    ID,
    TITLE,
    col("Type", "text"),
    DATE,
    STATUS,
    OWNER,
    SECTIONS,
    ELEMENT,
    NOTE,
    col("Description", "text"),
    col("Links", "list", "Link", "URL"),
    col("Files", "list", "File"),
    col("Expires", "date"),
  ],
  "Case studies": [
    ID,
    // "Evidence" is the evidence-ids column here, so it cannot also mean the title.
    { ...TITLE, synonyms: ["Case study", "Name"] },
    DATE,
    STATUS,
    OWNER,
    SECTIONS,
    ELEMENT,
    NOTE,
    col("Summary", "text"),
    col("Evidence", "list"),
  ],
  "Self-assessment": [
    { ...ELEMENT, kind: "text" },
    col("Text", "export-only"),
    OWNER,
    col("Rating", "text"),
    col("Statement", "text"),
    col("Gaps", "export-only"),
  ],
  Actions: [
    { ...ELEMENT, kind: "text" },
    col("Title", "text", "Action"),
    OWNER,
    col("Due", "date"),
    col("Done", "bool"),
    col("Done on", "date"),
  ],
};

/** A header or sheet name reduced for matching: lower case, without spaces and punctuation. */
export function headerKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The sheet a workbook's sheet name stands for, found case-insensitively, or undefined. */
export function sheetNamed(name: string): SheetName | undefined {
  const key = headerKey(name);
  return SHEET_NAMES.find((s) => headerKey(s) === key);
}
