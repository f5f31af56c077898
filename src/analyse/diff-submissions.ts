import type { Submission } from "../model/types.js";
import { diffActions, diffFindings } from "./diff-assessment.js";
import { diffItems } from "./diff-items.js";
import { inGapOrder } from "./gap-codes.js";
import type { ElementGaps, GapsReport } from "./gaps-report.js";
import type {
  Change,
  DiffSideLabel,
  ElementChange,
  SettingChange,
  SubmissionDiff,
} from "./submission-diff.js";

/** One state of a submission, read and analysed, ready to compare. */
export interface DiffInput {
  /** How the user named it. */
  side: DiffSideLabel;
  submission: Submission;
  /** The coverage of every element (unfiltered) as of the diff's as-of date. */
  coverage: GapsReport;
  /** Content ids of attachment files by root-relative path (equal ids, equal bytes); a missing path is not compared. */
  contents: ReadonlyMap<string, string>;
}

/**
 * What changed from one state of a submission to another. Pure: both states, read and analysed
 * for the same as-of date (so the passing of time alone shows no change), in; the diff out.
 * Items are matched by id, so a renamed or moved file is a change of place, not a removal.
 */
export function diffSubmissions(from: DiffInput, to: DiffInput): SubmissionDiff {
  const elements = diffElements(from, to);
  const evidence = diffItems(from, to, "evidence");
  const caseStudies = diffItems(from, to, "case-study");
  const findings = diffFindings(from.submission, to.submission);
  const settings = diffSettings(from.submission, to.submission);
  const actions = diffActions(from.submission, to.submission);
  const items = [...evidence, ...caseStudies];
  const count = (status: string) => items.filter((i) => i.status === status).length;
  const covered = (r: GapsReport) => r.summary.covered;
  return {
    from: from.side,
    to: to.side,
    asOf: to.coverage.asOf,
    summary: {
      elements: elements.length,
      standardElements: to.submission.elements.length,
      covered: { from: covered(from.coverage), to: covered(to.coverage) },
      withGaps: { from: from.coverage.summary.withGaps, to: to.coverage.summary.withGaps },
      items: { added: count("added"), removed: count("removed"), changed: count("changed") },
      findings: findings.length,
      actions: actions.length,
      unchanged: settings.length + elements.length + items.length + findings.length + actions.length === 0,
    },
    settings,
    elements,
    evidence,
    caseStudies,
    findings,
    actions,
    labels: {
      ratings: Object.fromEntries(
        Object.entries({ ...from.coverage.context.ratings, ...to.coverage.context.ratings }).map(
          ([id, r]) => [id, r.label],
        ),
      ),
      people: { ...from.coverage.context.people, ...to.coverage.context.people },
    },
  };
}

/** The settings of cse.yaml a reader of a diff cares about: the visit and the rules. */
function diffSettings(a: Submission, b: Submission): SettingChange[] {
  const pick = (s: Submission): [string, string | number | null][] => [
    ["organisation", s.config.organisation],
    ["title", s.config.title],
    ["assessment.kind", s.config.assessment.kind],
    ["assessment.date", s.config.assessment.date],
    ["assessment.assessor", s.config.assessment.assessor],
    ["rules.min_evidence", s.config.rules.minEvidence],
    ["rules.evidence_max_age_months", s.config.rules.maxAgeMonths],
    ["rules.statement_max_words", s.config.rules.statementMaxWords],
  ];
  const before = new Map(pick(a));
  return pick(b).flatMap(([field, to]) =>
    before.get(field) === to ? [] : [{ field, from: before.get(field) ?? null, to }],
  );
}

function diffElements(from: DiffInput, to: DiffInput): ElementChange[] {
  const before = new Map(from.coverage.elements.map((e) => [e.id, e]));
  const after = new Map(to.coverage.elements.map((e) => [e.id, e]));
  const changes: ElementChange[] = [];
  // The newer standard's order, then elements it no longer has.
  for (const el of to.coverage.elements) {
    const change = compareElement(before.get(el.id) ?? null, el, from.submission, to.submission);
    if (change) changes.push(change);
  }
  for (const el of from.coverage.elements) {
    if (!after.has(el.id)) changes.push(compareElement(el, null, from.submission, to.submission)!);
  }
  return changes;
}

function compareElement(
  a: ElementGaps | null,
  b: ElementGaps | null,
  sa: Submission,
  sb: Submission,
): ElementChange | null {
  const id = (b ?? a)!.id;
  const selfA = sa.selfAssessments.get(id);
  const selfB = sb.selfAssessments.get(id);
  const citedA = a ? [...a.evidenceIds, ...a.caseStudyIds] : [];
  const citedB = b ? [...b.evidenceIds, ...b.caseStudyIds] : [];
  const statement = (s: string | null | undefined) => (s?.trim() ? s : null);
  const change: ElementChange = {
    id,
    text: (b ?? a)!.text,
    status: !a ? "added" : !b ? "removed" : "changed",
    evidence: changed(a?.evidence ?? 0, b?.evidence ?? 0),
    caseStudies: changed(a?.caseStudies ?? 0, b?.caseStudies ?? 0),
    cited: {
      added: citedB.filter((x) => !citedA.includes(x)).sort(),
      removed: citedA.filter((x) => !citedB.includes(x)).sort(),
    },
    gaps: {
      added: inGapOrder((b?.gaps ?? []).filter((g) => !a?.gaps.includes(g))),
      removed: inGapOrder((a?.gaps ?? []).filter((g) => !b?.gaps.includes(g))),
    },
    rating: changed(selfA?.rating ?? null, selfB?.rating ?? null),
    owner: changed(selfA?.owner ?? null, selfB?.owner ?? null),
    // Reflowing a statement is not a change; only its words count.
    statement:
      words(selfA?.statement) === words(selfB?.statement)
        ? null
        : { from: statement(selfA?.statement), to: statement(selfB?.statement) },
  };
  const any =
    change.status !== "changed" ||
    change.evidence ||
    change.caseStudies ||
    change.cited.added.length ||
    change.cited.removed.length ||
    change.gaps.added.length ||
    change.gaps.removed.length ||
    change.rating ||
    change.owner ||
    change.statement;
  return any ? change : null;
}

function words(s: string | null | undefined): string {
  return (s ?? "").replace(/\s+/g, " ").trim();
}

function changed<T>(from: T, to: T): Change<T> | null {
  return from === to ? null : { from, to };
}
