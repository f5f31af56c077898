import { positionOf, type DataPath } from "../../load/positions.js";
import { closest } from "../../util/closest.js";
import { parsePeriod, periodOrdinal } from "../periods.js";
import type { ServiceStandard } from "../types.js";
import type { Check } from "./context.js";
import { orList } from "./context.js";

const EXAMPLE = { month: '"2026-09"', quarter: '"2026-Q3"', year: '"2026"' } as const;

/** A result's period of another kind than the standard's `period`. */
function wrongKindMessage(written: string, ss: ServiceStandard): string {
  const kind = ss.period!;
  const fix = `this standard records one result a ${kind}, written like ${EXAMPLE[kind]}`;
  return `period "${written}" does not fit \`period: ${kind}\`: ${fix}`;
}

/** A second result for one period. */
function repeatedPeriodMessage(written: string, line: number): string {
  return `period "${written}" already has a result (line ${line}); keep one result per period, or correct the period`;
}

/** `schema`: each result's period is of the standard's kind, and no period has two results. */
export const checkServiceResults: Check = (ctx) => {
  for (const ss of ctx.submission.serviceStandards) {
    if (ss.period === null) continue;
    const seen = new Map<number, { src: ServiceStandard["src"]; path: DataPath }>();
    for (const r of ss.results) {
      const p = parsePeriod(r.period);
      if (p === null) continue; // the schema's pattern reports an ill-formed period
      const at = { src: r.src, path: [...r.path, "period"] };
      if (p.kind !== ss.period) {
        ctx.report(at, "schema", wrongKindMessage(r.period, ss));
        continue;
      }
      const first = seen.get(periodOrdinal(p));
      // The first's line only when repeated: a position may parse the file again.
      if (first === undefined) seen.set(periodOrdinal(p), at);
      else ctx.report(at, "schema", repeatedPeriodMessage(r.period, positionOf(first.src, first.path).line));
    }
  }
};

/** `unknown-element`, `unknown-person`, `unknown-section`: what a service standard names. */
export const checkServiceReferences: Check = (ctx) => {
  const s = ctx.submission;
  const elements = [...s.elementById.keys()];
  const people = s.config.people.map((p) => p.id);
  const sections = s.config.sections.map((x) => x.id);
  for (const ss of s.serviceStandards) {
    if (elements.length > 0)
      for (const e of ss.elements)
        if (!s.elementById.has(e.id))
          ctx.report(e, "unknown-element", unknownMessage("element", e.id, elements));
    if (ss.owner !== null && !people.includes(ss.owner))
      ctx.report(
        { src: ss.src, path: ["owner"] },
        "unknown-person",
        unknownMessage("person", ss.owner, people),
      );
    ss.sections.forEach((id, i) => {
      if (!sections.includes(id))
        ctx.report(
          { src: ss.src, path: ["sections", i] },
          "unknown-section",
          unknownMessage("section", id, sections),
        );
    });
  }
};

const WHERE = {
  element: "the standard has no such element",
  person: "add them to `people` in cse.yaml, or use a declared id",
  section: "cse.yaml declares no such section",
} as const;

function unknownMessage(what: keyof typeof WHERE, id: string, known: string[]): string {
  const near = closest(id, known, 2);
  const hint = near.length ? ` Did you mean ${orList(near)}?` : "";
  return `unknown ${what} "${id}" in the service standard: ${WHERE[what]}.${hint}`;
}
