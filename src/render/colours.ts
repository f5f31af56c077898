/**
 * The pack's colours, one table for every renderer (hex, as CSS writes them): the PDF takes them
 * as they are (pdf/theme.ts), the Word pack as Word writes them (docx/docx-theme.ts), and the
 * HTML's stylesheet (templates/styles.css) repeats them. Text contrast stays above 7:1 on white;
 * links are underlined as well as blue.
 */
export const COLOUR = {
  text: "#1a1a1a",
  muted: "#4a4a4a",
  heading: "#13294b",
  link: "#0b4f9c",
  rule: "#b8bfc8",
  tableHead: "#e8ecf1",
  band: "#13294b",
  notice: "#7a2e00",
  noticeBack: "#fff4e5",
  seriesA: "#2b5c9e",
  seriesB: "#c26a1b",
} as const;

export type ColourName = keyof typeof COLOUR;
