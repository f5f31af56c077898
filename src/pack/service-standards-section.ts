import { anchorOf } from "./anchors.js";
import { figure, targetText } from "../analyse/service-todos.js";
import {
  standingOf,
  type PeriodResult,
  type ServiceStanding,
  type Target,
} from "../analyse/service-standing.js";
import { periodName, periodLabel } from "../model/periods.js";
import type { ServiceStandard } from "../model/types.js";
import type { Block, Inline, Section, TrendBlock } from "./document-model.js";
import { count, heading, joinInline, para, ref, text } from "./inline.js";
import { markdownBlock } from "./markdown-block.js";
import type { PackContext } from "./pack-context.js";

const EVERY = { month: "every month", quarter: "every quarter", year: "every year" } as const;
const SUFFIX: Record<Target["unit"], string> = {
  percent: "%",
  days: " days",
  hours: " hours",
  minutes: " minutes",
  count: "",
};

/**
 * "Our service standards and how we did": per service standard, its target, the recent results
 * up to the latest complete period on the as-of day (met or missed in words), and a trend chart
 * with its text alternative. Null when the submission has no service standards.
 */
export function serviceStandardsSection(ctx: PackContext, standards: ServiceStandard[]): Section | null {
  const standings = standards.flatMap((ss) => standingOf(ss, ctx.inputs.build.asOf) ?? []);
  if (standings.length === 0) return null;
  const met = standings.filter((x) => x.latestRecorded?.met === true).length;
  return {
    anchor: "service-standards",
    kind: "service-standards",
    level: 2,
    title: "Our service standards and how we did",
    shortTitle: "Service standards",
    inContents: true,
    blocks: [para([text(introText(standings.length, met))])],
    children: standings.map((x) => standardSection(ctx, x)),
  };
}

function introText(total: number, met: number): string {
  const standards = count(total, "service standard", "service standards");
  return [
    `We publish ${standards} and measure how we do against each.`,
    `${met} of ${total} met the target in the latest period reported.`,
    "For each: the target, the recent results, and what lies behind the figures.",
  ].join(" ");
}

function standardSection(ctx: PackContext, x: ServiceStanding): Section {
  const ss = x.standard;
  const facts = [
    { term: "Target", value: [text(targetText(x.target))] },
    { term: "Reported", value: [text(EVERY[x.latestComplete.kind])] },
    { term: "Owner", value: ctx.person(ss.owner) },
    { term: "Sections", value: [text(ctx.sectionNames(ss.sections))] },
    { term: "Elements", value: elementRefs(ctx, ss) },
  ];
  const blocks: Block[] = [
    { type: "facts", items: facts },
    para([text(latestSentence(x))]),
    resultsTable(x),
    trendBlock(x),
    ...notes(x),
  ];
  return {
    anchor: anchorOf.serviceStandard(ss.id),
    kind: "service-standard",
    level: 3,
    title: `${ss.id}: ${ss.title}`,
    shortTitle: ss.id,
    inContents: true,
    blocks,
    children: [],
  };
}

function elementRefs(ctx: PackContext, ss: ServiceStandard): Inline[] {
  const ids = [...new Set(ss.elements.map((e) => e.id))];
  return joinInline(ids.map((id) => [ctx.element(id) ? ref(`el-${id}`, id) : text(id)]));
}

function verdict(r: PeriodResult): string {
  return r.met === null ? "No result recorded" : r.met ? "Met" : "Missed";
}

function latestSentence(x: ServiceStanding): string {
  const latest = x.latestRecorded;
  const due = periodName(x.latestComplete);
  if (!latest?.result) return `No result is recorded yet; the latest is due for ${due}.`;
  const result = figure(x.target, latest.result.value);
  const said = `In ${periodName(latest.period)}: ${result}, which ${latest.met ? "met" : "missed"} the target.`;
  return x.noRecentResult ? `${said} The result for ${due} is not recorded yet.` : said;
}

function resultsTable(x: ServiceStanding): Block {
  const shown = x.recent.filter((r, i) => r.result !== null || i >= firstRecorded(x));
  return {
    type: "table",
    caption: `${x.standard.id}: results against the target (${targetText(x.target)})`,
    columns: [
      { label: "Period", align: "start", width: 3, nowrap: false },
      { label: "Result", align: "end", width: 2, nowrap: true },
      { label: "Against the target", align: "start", width: 3, nowrap: false },
    ],
    rows: shown.map((r) => [
      [text(periodName(r.period))],
      [text(r.result ? figure(x.target, r.result.value) : "none")],
      [text(verdict(r), r.met === false)],
    ]),
    rowHeaders: true,
  };
}

/** The first recent period with a result: periods before a standard began are not listed as missing. */
function firstRecorded(x: ServiceStanding): number {
  const i = x.recent.findIndex((r) => r.result !== null);
  return i === -1 ? x.recent.length - 1 : i;
}

function trendBlock(x: ServiceStanding): TrendBlock {
  const points = x.recent.slice(firstRecorded(x));
  const first = periodName(points[0]!.period);
  const last = periodName(points[points.length - 1]!.period);
  const each = points.map((r) => `${periodName(r.period)}: ${pointText(x, r)}.`);
  return {
    type: "trend",
    title: `${x.standard.id}: results, ${first === last ? first : `${first} to ${last}`}`,
    description: [
      `Line chart of ${x.standard.id}'s results against its target of ${targetText(x.target)}.`,
      ...each,
    ].join(" "),
    target: x.target.value,
    direction: x.target.direction,
    unitSuffix: SUFFIX[x.target.unit],
    points: points.map((r) => ({
      label: periodLabel(r.period),
      name: periodName(r.period),
      value: r.result?.value ?? null,
      met: r.met,
    })),
  };
}

/** "93.4%, met", or "no result recorded". */
function pointText(x: ServiceStanding, r: PeriodResult): string {
  return r.result ? `${figure(x.target, r.result.value)}, ${verdict(r).toLowerCase()}` : "no result recorded";
}

/** The notes recorded with recent results, latest first, under a heading. */
function notes(x: ServiceStanding): Block[] {
  const noted = x.recent.filter((r) => r.result?.note).reverse();
  if (noted.length === 0) return [];
  return [
    heading(4, "What lies behind the figures"),
    ...noted.flatMap((r) => [
      para([text(`${periodName(r.period)}:`, true)]),
      markdownBlock(r.result?.note ?? "", 5),
    ]),
  ];
}
