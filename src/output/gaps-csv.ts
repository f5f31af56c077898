import type { GapsReporter } from "./gaps-formats.js";

const HEADER = [
  "id",
  "criterion",
  "subcriterion",
  "evidence",
  "caseStudies",
  "owner",
  "rating",
  "gaps",
  "text",
];

/**
 * One row per listed element under a header row, RFC 4180: fields quoted when they hold a
 * comma, quote, CR or LF, quotes doubled, lines ended CRLF; gap codes joined by `;`.
 */
export const formatGapsCsv: GapsReporter = (report) => {
  const rows = [
    HEADER,
    ...report.elements.map((el) => [
      el.id,
      el.criterion,
      el.subcriterion,
      String(el.evidence),
      String(el.caseStudies),
      el.owner ?? "",
      el.rating ?? "",
      el.gaps.join(";"),
      el.text.trim(),
    ]),
  ];
  return rows.map((r) => r.map(csvField).join(",") + "\r\n").join("");
};

/**
 * One CSV field. A text starting with `=`, `+`, `-`, `@`, tab or CR would be run as a formula by
 * spreadsheet programs, so it is neutralised with a leading `'` (OWASP's advice on CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
