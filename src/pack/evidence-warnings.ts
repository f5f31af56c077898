import type { Block } from "./document-model.js";
import { count, para, text } from "./inline.js";
import type { PackContext } from "./pack-context.js";

/**
 * What is missing from an element's evidence, said plainly in its section: no evidence, too
 * little, or only stale evidence (the `cse gaps` codes no-evidence, thin-evidence and
 * stale-evidence, on the build's as-of day). Nothing when all is well.
 */
export function evidenceWarnings(ctx: PackContext, element: string): Block[] {
  const gaps = ctx.gaps(element);
  const { minEvidence, maxAgeMonths } = ctx.s.config.rules;
  const blocks: Block[] = [];
  if (gaps.includes("no-evidence"))
    blocks.push(para([text("Missing: ", true), text("No evidence is cited for this element.")], "alert"));
  if (gaps.includes("thin-evidence")) {
    const cited = ctx.citations(element);
    const ready = [...cited.evidence, ...cited.caseStudies].filter((c) => c.item.status === "ready").length;
    blocks.push(
      para(
        [
          text("Thin: ", true),
          text(
            `Only ${count(ready, "ready item cites", "ready items cite")} this element; ${atLeast(minEvidence)}.`,
          ),
        ],
        "alert",
      ),
    );
  }
  if (gaps.includes("stale-evidence"))
    blocks.push(
      para(
        [
          text("Out of date: ", true),
          text(
            `Every evidence item cited here is older than ${maxAgeMonths} months on the visit day, or has expired.`,
          ),
        ],
        "alert",
      ),
    );
  return blocks;
}

function atLeast(n: number): string {
  return `the submission asks for at least ${n}`;
}
