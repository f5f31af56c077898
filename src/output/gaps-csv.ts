import { csvField } from "../util/csv-field.js";
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
