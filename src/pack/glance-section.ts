import type { Block, Section } from "./document-model.js";
import { heading } from "./inline.js";
import { claimsOfBest, belowStandard, ratingCounts } from "./glance-ratings.js";
import { coverageBlocks } from "./glance-coverage.js";
import { elementMatrix } from "./glance-matrix.js";
import type { PackContext } from "./pack-context.js";

/**
 * At a glance, the assessor's dashboard: the self-assessment in numbers beside the latest
 * finding's, the elements rated below the standard with their open actions, the claims of the
 * best rating with their reasons and case studies, the matrix of every element, and then the
 * coverage by criterion with its chart.
 */
export function glanceSection(ctx: PackContext): Section {
  const blocks: Block[] = [
    heading(3, "The self-assessment in numbers"),
    ratingCounts(ctx),
    ...belowStandard(ctx),
    ...claimsOfBest(ctx),
    heading(3, "Every element"),
    elementMatrix(ctx),
    heading(3, "Coverage by criterion"),
    ...coverageBlocks(ctx),
  ];
  return {
    anchor: "at-a-glance",
    kind: "at-a-glance",
    level: 2,
    title: "At a glance",
    shortTitle: "At a glance",
    inContents: true,
    blocks,
    children: [],
  };
}
