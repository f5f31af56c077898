import { compareIds } from "../model/natural-order.js";
import type { GapsReporter } from "./gaps-formats.js";

/**
 * FORMAT.md's JSON shape, exactly, with keys in its order. When the command looked up git
 * history, each element also gets `lastChanged` (the latest change among the ready items
 * citing it) and the top level a `lastChanged` object with every item's last change.
 */
export const formatGapsJson: GapsReporter = (report) => {
  const history = report.lastChanged;
  const latestOf = (ids: string[]): string | null => {
    if (!history?.known) return null;
    const dates = ids.map((id) => history.items.get(id)?.date ?? null).filter((d): d is string => d !== null);
    return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
  };
  return (
    JSON.stringify(
      {
        asOf: report.asOf,
        visitDay: report.visitDay,
        ...(report.evidenceDue ? { evidenceDue: report.evidenceDue } : {}),
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
          ...(history ? { lastChanged: latestOf([...el.evidenceIds, ...el.caseStudyIds]) } : {}),
        })),
        advisories: report.advisories,
        ...(history
          ? {
              lastChanged: history.known
                ? {
                    known: true,
                    items: Object.fromEntries([...history.items].sort(([a], [b]) => compareIds(a, b))),
                  }
                : history,
            }
          : {}),
      },
      null,
      2,
    ) + "\n"
  );
};
