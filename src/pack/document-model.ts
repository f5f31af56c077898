/**
 * The submission pack as one plain, serialisable tree. Every output (HTML, PDF) is rendered from
 * it, so the outputs cannot disagree about content or order. Renderers only lay it out: every
 * string here is final display text, except `markdown` blocks, which hold Markdown source that
 * the shared renderer (src/pack/markdown.ts) turns into HTML or into tokens.
 *
 * Anchors (made by anchors.ts) are stable and unique in the document: `el-<element>`, `ev-<evidence>`,
 * `cs-<case study>`, `crit-<criterion>`, `sc-<sub-criterion>`, `progress-<element>`,
 * (v2) `ss-<service standard>`, and the
 * fixed section anchors listed in `SectionKind`'s comment. Every value is a string that is
 * safe as an HTML id and a PDF destination name (ids match `^[A-Za-z0-9][A-Za-z0-9._-]*$`).
 */
export interface PackDocument {
  /** BCP 47 language of the document, from build.language. */
  language: string;
  /** Title of the pack (cse.yaml `title`). */
  title: string;
  /** Who is being assessed. */
  organisation: string;
  /** How and when it was built. */
  build: BuildInfo;
  /** The first page. */
  cover: Cover;
  /** The table of contents: the sections marked `inContents`, nested. */
  contents: ContentsEntry[];
  /** The body, in reading order. */
  sections: Section[];
  /** Ids that, written in Markdown text, become links to their anchor (longest first). */
  mentions: Mention[];
  /** Every attachment of the items in the pack, in the order they appear (for embedding in a PDF). */
  attachments: Attachment[];
  /**
   * Set when the pack is split into volumes (`--split criterion`, see volumes.ts): which volume
   * this document is, and which volume holds every anchor of the pack, so links to an anchor
   * outside it open the right file. Absent for the single-file pack.
   */
  volume?: VolumeInfo;
}

/** A document that is one volume of a split pack. */
export interface VolumeInfo {
  /** Its number: 0 for the contents volume, then 1, 2, … in reading order. */
  number: number;
  /** Every volume of the pack, by number (index = number). */
  volumes: VolumeRef[];
  /** The number of the volume holding each anchor of the pack (shared by every volume). */
  anchors: Record<string, number>;
}

/** One volume of a split pack. */
export interface VolumeRef {
  /** Its number (0 for the contents). */
  number: number;
  /** Its file name without the extension, e.g. "02-criterion-1"; the renderer adds ".html" or ".pdf". */
  file: string;
  /** What it holds, e.g. "Criterion 1: Customer Insight". */
  title: string;
  /** The anchor of its first section (where a link to the volume opens). */
  first: string;
}

/** An attachment of an evidence item or case study. */
export interface Attachment {
  /** Root-relative path of the file. */
  path: string;
  /** Its file name. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of its bytes, lowercase hex. */
  sha256: string;
  /** The anchor of the item it belongs to. */
  owner: string;
}

/** How and when the pack was built. */
export interface BuildInfo {
  /** Build date, YYYY-MM-DD (from SOURCE_DATE_EPOCH when set). */
  date: string;
  /** The git commit (full hash) the pack was built from, or null outside git. */
  commit: string | null;
  /** Whether the submission's files had changes not yet committed when it was built. */
  uncommitted: boolean;
  /** Whether draft evidence and case studies were put in. */
  includeDrafts: boolean;
  /** The as-of date used for overdue actions, YYYY-MM-DD. */
  asOf: string;
  /** The cse version that built it. */
  generator: string;
}

/** The cover. */
export interface Cover {
  /** The pack's title. */
  title: string;
  /** Who is being assessed. */
  organisation: string;
  /** One line under the title, e.g. "Customer Service Excellence (57-element edition): annual review". */
  subtitle: string;
  /** Facts shown as a definition list: visit day, assessor, build date, commit. */
  facts: Fact[];
  /** A warning printed on the cover, e.g. that drafts are included; null when none. */
  notice: string | null;
}

/** One entry of the contents. */
export interface ContentsEntry {
  /** The section's anchor. */
  anchor: string;
  /** The section's heading text. */
  title: string;
  /** Nested entries. */
  children: ContentsEntry[];
}

/**
 * What a section is, so templates and renderers can treat kinds differently. Fixed anchors:
 * `document-control`, `introduction`, `organisation`, `customers`, `at-a-glance`,
 * `changes-since`, `progress`, `case-studies`, `case-study-matrix`, `evidence-index`, `glossary`,
 * `build-record`, (v2) `visit-scope` and `service-standards`, and in the contents volume of a
 * split pack `volumes` and `volume-<file>` (one per volume).
 */
export type SectionKind =
  | "document-control"
  | "introduction"
  | "organisation"
  | "customers"
  | "glossary"
  | "build-record"
  | "at-a-glance"
  | "changes-since"
  | "criterion"
  | "subcriterion"
  | "element"
  | "progress"
  | "progress-item"
  | "visit-scope"
  | "service-standards"
  | "service-standard"
  | "case-studies"
  | "case-study"
  | "case-study-matrix"
  | "evidence-index"
  | "evidence"
  | "volumes"
  | "volume";

/** A section with a heading, content and sub-sections. */
export interface Section {
  /** The anchor (HTML id, PDF destination). */
  anchor: string;
  /** What the section is. */
  kind: SectionKind;
  /** Heading rank: 2 for top-level sections (the cover title is rank 1), up to 4. */
  level: number;
  /** Heading text, e.g. "Element 1.1.1" or "E001: Customer profile report 2025". */
  title: string;
  /** A short title for bookmarks and running heads, e.g. "1.1.1" or "E001". */
  shortTitle: string;
  /** Whether it is listed in the contents (elements and evidence items are not; the outline may list them). */
  inContents: boolean;
  /** Content under the heading, before the sub-sections. */
  blocks: Block[];
  /** Sub-sections. */
  children: Section[];
}

/** A piece of content. */
export type Block =
  | ParagraphBlock
  | HeadingBlock
  | MarkdownBlock
  | FactsBlock
  | ListBlock
  | TableBlock
  | ChartBlock
  | TrendBlock;

/** A paragraph of inline content. */
export interface ParagraphBlock {
  type: "paragraph";
  /** The text. */
  content: Inline[];
  /**
   * How it stands out: `lead` (the element's text, a summary), `note` (a remark, e.g. "no
   * statement yet"), `alert` (something missing the assessor must not overlook, e.g. no evidence
   * for an element claimed as meeting the standard; its text says so in words, colour only adds), or plain.
   */
  role: "plain" | "lead" | "note" | "alert";
}

/** A minor heading inside a section; not in the contents or outline. */
export interface HeadingBlock {
  type: "heading";
  /** Heading rank (one below its section's). */
  level: number;
  /** Heading text. */
  text: string;
}

/** Markdown source from the submission, rendered by src/pack/markdown.ts. */
export interface MarkdownBlock {
  type: "markdown";
  /** CommonMark source (raw HTML shows as text; only http, https and mailto links). */
  source: string;
  /** Added to every Markdown heading's rank (clamped to 6) so it nests under its section. */
  headingShift: number;
  /** Glossary terms whose first use in its section is in this block: that use is marked as an abbreviation. */
  abbreviations: Abbreviation[];
}

/** A glossary term and its expansion. */
export interface Abbreviation {
  /** The term as written, e.g. "SCONUL". */
  term: string;
  /** What it stands for, e.g. "Society of College, National and University Libraries". */
  expansion: string;
}

/** Term and value pairs (a definition list). */
export interface FactsBlock {
  type: "facts";
  /** The pairs, in order. */
  items: Fact[];
}

/** One term and its value. */
export interface Fact {
  /** The term, e.g. "Owner". */
  term: string;
  /** The value. */
  value: Inline[];
}

/** A bulleted list; each item is a run of blocks. */
export interface ListBlock {
  type: "list";
  /** The items. */
  items: Block[][];
}

/** A table with one header row; the first column heads its row when `rowHeaders`. */
export interface TableBlock {
  type: "table";
  /** The caption (also the table's accessible name). */
  caption: string;
  /** The columns. */
  columns: TableColumn[];
  /** The body rows: one cell (a run of inline content) per column. */
  rows: Inline[][][];
  /** Whether the first cell of each row is a row header. */
  rowHeaders: boolean;
}

/** A column of a table. */
export interface TableColumn {
  /** Header text. */
  label: string;
  /** `end` for numbers. */
  align: "start" | "end";
  /** Relative width (the widths of a table's columns are shares of its width). */
  width: number;
  /** Keep each cell on one line: short values such as ids, ISO dates and sizes. */
  nowrap: boolean;
  /** Only for paged output (PDF page numbers): renderers without pages leave the column out. */
  paged?: boolean;
}

/** A grouped bar chart; a table with the same numbers always sits next to it. */
export interface ChartBlock {
  type: "chart";
  /** The chart's title. */
  title: string;
  /** A sentence or two saying what it shows, with every number (the text alternative). */
  description: string;
  /** What the categories are, written under the axis, e.g. "Criterion". */
  axis: string;
  /** The series (one bar each per category), e.g. evidence items and case studies. */
  series: string[];
  /** The categories along the axis. */
  categories: ChartCategory[];
}

/** One category of a chart. */
export interface ChartCategory {
  /** Axis label, e.g. "1". */
  label: string;
  /** Longer name for tooltips and text, e.g. "Criterion 1: Customer Insight". */
  name: string;
  /** The section it links to, or null. */
  anchor: string | null;
  /** One value per series. */
  values: number[];
}

/**
 * (v2) A small line chart of a service standard's results period by period, against its target.
 * A table with the same figures (and met or missed in words) always sits next to it; whether a
 * point met the target is shown by its marker's shape as well as by its side of the target line,
 * never by colour alone.
 */
export interface TrendBlock {
  type: "trend";
  /** The chart's title, e.g. "SS-IT-1: results, December 2025 to November 2026". */
  title: string;
  /** The text alternative: what it shows, with every figure and whether each met the target. */
  description: string;
  /** The target figure, drawn as a dashed line. */
  target: number;
  /** Which side of the target meets it: `at-least` (above or on it) or `at-most` (below or on it). */
  direction: "at-least" | "at-most";
  /** Written after a value on its label: "%", " days", or "" for a count. */
  unitSuffix: string;
  /** One point per period, oldest first; a null value is a period with no result recorded. */
  points: TrendPoint[];
}

/** One period of a trend chart. */
export interface TrendPoint {
  /** A short axis label, e.g. "Nov", "Q3 26", "2026". */
  label: string;
  /** The period in words, e.g. "November 2026". */
  name: string;
  /** The result, or null when none was recorded for the period. */
  value: number | null;
  /** Whether the result met the target; null without a result. */
  met: boolean | null;
}

/** Inline content. */
export type Inline =
  TextInline | RefInline | LinkInline | CodeInline | CiteInline | AbbrInline | BadgeInline | PageRefInline;

/**
 * A citation of an evidence item or case study: its id and title, linking to its entry. Paged
 * renderers add the page of the entry ("E023 Website accessibility statement, p. 97"); with the
 * attachments embedded (`--attach`), `attachment` opens the file from the citation.
 */
export interface CiteInline {
  type: "cite";
  /** The entry's anchor (`ev-…` or `cs-…`); it always exists in the document. */
  anchor: string;
  /** The item's id, e.g. "E023". */
  id: string;
  /** The item's title. */
  title: string;
  /** Root-relative path of the item's first attachment, or null when it has none. */
  attachment: string | null;
}

/** A glossary term at its first use in a section: HTML `<abbr title>`, PDF a Span with /E. */
export interface AbbrInline {
  type: "abbr";
  /** The term as written. */
  text: string;
  /** Its expansion. */
  expansion: string;
}

/**
 * A rating shown as a shape beside its label, so it never relies on colour: `star` the best
 * rating, `disc` another that meets the standard, `half` the best below it, `ring` the rest
 * below it, `dash` no rating.
 */
export interface BadgeInline {
  type: "badge";
  /** The shape. */
  shape: "star" | "disc" | "half" | "ring" | "dash";
  /** The label, e.g. "Compliance Plus". */
  text: string;
}

/** The page number where an anchor's section starts; only paged renderers show it (others: nothing). */
export interface PageRefInline {
  type: "page";
  /** The anchor. */
  anchor: string;
}

/** Plain text. */
export interface TextInline {
  type: "text";
  /** The text. */
  text: string;
  /** Bold. */
  strong: boolean;
}

/** A link to a place in the document (an element, evidence item, case study or section). */
export interface RefInline {
  type: "ref";
  /** The target anchor; it always exists in the document. */
  anchor: string;
  /** The link text. */
  text: string;
}

/** A link to a web page or mail address (http, https or mailto only). */
export interface LinkInline {
  type: "link";
  /** The URL. */
  href: string;
  /** The link text. */
  text: string;
}

/** Literal text in a fixed-width font: file names, hashes. */
export interface CodeInline {
  type: "code";
  /** The text. */
  text: string;
  /** The root-relative path of the attachment it names, when it names one (the zip bundle links it). */
  file?: string;
}

/** An id that links to its anchor wherever Markdown text mentions it. */
export interface Mention {
  /** The id as written, e.g. "1.2.3", "E001", "CS01". */
  text: string;
  /** Its anchor. */
  anchor: string;
}
