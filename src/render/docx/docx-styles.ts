import type { IStylesOptions } from "docx";
import { BODY, COLOUR, FONT, HEADING_SIZE, TABLE_SIZE } from "./docx-theme.js";

/** Paragraph and character style ids the renderer uses besides Word's built-in ones. */
export const STYLE = {
  lead: "Lead",
  note: "Note",
  caption: "Caption",
  code: "SourceCode",
  codeChar: "VerbatimChar",
  quote: "Quote",
  fact: "Fact",
  table: "TableText",
  coverOrganisation: "CoverOrganisation",
  subtitle: "Subtitle",
  notice: "Notice",
  headerFooter: "HeaderFooterText",
} as const;

const heading = (level: number) => ({
  run: { size: HEADING_SIZE[level], bold: true, color: COLOUR.heading, font: FONT.body },
  paragraph: {
    spacing: { before: level === 1 ? 0 : 280 - level * 20, after: level === 1 ? 200 : 100 },
    keepNext: true,
    keepLines: true,
  },
});

/**
 * The styles: Word's built-in Title and Heading 1–6 (so the navigation pane and a table of
 * contents work in Word and LibreOffice), the default run in the pack's fonts and language
 * (`w:lang` of the document defaults), and a few named styles an editor can change in one place.
 */
export function packStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT.body, size: BODY.size, color: COLOUR.text, language: { value: language } },
        paragraph: { spacing: { after: 120, line: BODY.line, lineRule: "auto" } },
      },
      title: {
        run: { size: 52, bold: true, color: COLOUR.heading, font: FONT.body },
        paragraph: { spacing: { before: 2400, after: 200 } },
      },
      heading1: { ...heading(1), paragraph: { ...heading(1).paragraph, pageBreakBefore: true } },
      heading2: heading(2),
      heading3: heading(3),
      heading4: heading(4),
      heading5: heading(5),
      heading6: heading(6),
      hyperlink: { run: { color: COLOUR.link, underline: { type: "single" } } },
    },
    paragraphStyles: [
      para(STYLE.lead, "Lead", { size: 22 }, { spacing: { after: 160 } }),
      para(STYLE.note, "Note", { italics: true, color: COLOUR.muted }),
      para(
        STYLE.caption,
        "caption",
        { bold: true, size: TABLE_SIZE, color: COLOUR.muted },
        {
          spacing: { before: 120, after: 60 },
          keepNext: true,
        },
      ),
      para(
        STYLE.code,
        "Source Code",
        { font: FONT.code, size: 18 },
        { spacing: { after: 0, line: 260, lineRule: "auto" } },
      ),
      para(STYLE.quote, "Quote", { color: COLOUR.muted }, { indent: { left: 280 } }),
      para(STYLE.fact, "Fact", {}, { indent: { left: 2000, hanging: 2000 }, spacing: { after: 40 } }),
      para(
        STYLE.table,
        "Table Text",
        { size: TABLE_SIZE },
        { spacing: { after: 0, line: 260, lineRule: "auto" } },
      ),
      para(
        STYLE.coverOrganisation,
        "Cover Organisation",
        { size: 28, color: COLOUR.muted },
        {
          spacing: { before: 1200, after: 200 },
        },
      ),
      para(STYLE.subtitle, "Subtitle", { size: 26, color: COLOUR.heading }, { spacing: { after: 480 } }),
      para(
        STYLE.notice,
        "Notice",
        { color: COLOUR.notice, bold: true },
        {
          shading: { type: "clear", fill: COLOUR.noticeBack, color: "auto" },
          spacing: { before: 120, after: 240 },
        },
      ),
      para(
        "TOCHeading",
        "TOC Heading",
        { size: HEADING_SIZE[1], bold: true, color: COLOUR.heading },
        {
          spacing: { after: 200 },
        },
      ),
      para(
        STYLE.headerFooter,
        "Header Footer Text",
        { size: 16, color: COLOUR.muted },
        { spacing: { after: 0 } },
      ),
    ],
    characterStyles: [
      {
        id: STYLE.codeChar,
        name: "Verbatim Char",
        basedOn: "DefaultParagraphFont",
        run: { font: FONT.code },
      },
    ],
  };
}

type ParagraphStyle = NonNullable<IStylesOptions["paragraphStyles"]>[number];

function para(
  id: string,
  name: string,
  run: ParagraphStyle["run"],
  paragraph: ParagraphStyle["paragraph"] = {},
): ParagraphStyle {
  return { id, name, basedOn: "Normal", next: "Normal", quickFormat: true, run, paragraph };
}
