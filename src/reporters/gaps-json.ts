import type { GapsReporter } from "./gaps-formats.js";

/** FORMAT.md's JSON shape, exactly, with keys in its order. */
export const formatGapsJson: GapsReporter = (report) =>
  JSON.stringify(
    {
      asOf: report.asOf,
      visitDay: report.visitDay,
      summary: {
        elements: report.summary.elements,
        covered: report.summary.covered,
        withGaps: report.summary.withGaps,
        byCode: report.summary.byCode,
      },
      elements: report.elements.map((el) => ({
        id: el.id,
        criterion: el.criterion,
        subcriterion: el.subcriterion,
        evidence: el.evidence,
        caseStudies: el.caseStudies,
        owner: el.owner,
        rating: el.rating,
        gaps: el.gaps,
      })),
      advisories: report.advisories,
    },
    null,
    2,
  ) + "\n";
