import type { SubmissionDiff } from "../analyse/submission-diff.js";
import {
  actionPhrases,
  countByStatus,
  diffSummaryLine,
  elementPhrases,
  findingPhrases,
  itemPhrases,
  sideName,
} from "../analyse/diff-phrases.js";
import type { Block, Inline, Section, TableColumn } from "./document-model.js";
import { formatDate, para, ref, text } from "./inline.js";
import type { PackContext } from "./pack-context.js";
import { anchorOf } from "./anchors.js";

const STATUS_LABEL = { added: "Added", changed: "Changed", removed: "Removed" } as const;

/**
 * "Changes since REV" (`cse build --since REV`): the same diff as `cse diff REV`, laid out as
 * tables. At an annual review or reassessment it is the first thing an assessor asks for, so it
 * comes straight after "At a glance". Ids link to their place in the pack when they are in it.
 */
export function sinceSection(ctx: PackContext, diff: SubmissionDiff): Section {
  const blocks: Block[] = [
    para(
      [
        text(
          `What changed in the submission from ${sideName(diff.from)} to the files this pack was built from. `,
        ),
        text(diffSummaryLine(diff)),
      ],
      "lead",
    ),
  ];
  if (diff.summary.unchanged) blocks.push(para([text("Nothing in the submission changed.")]));
  const elementRef = (id: string): Inline => (ctx.element(id) ? ref(anchorOf.element(id), id) : text(id));
  const itemRef = (kind: "evidence" | "case-study", id: string): Inline => {
    const inPack =
      kind === "evidence" ? ctx.evidence.some((e) => e.id === id) : ctx.caseStudies.some((c) => c.id === id);
    return inPack ? ref(`${kind === "evidence" ? "ev" : "cs"}-${id}`, id) : text(id);
  };
  if (diff.settings.length) {
    blocks.push(
      table(
        "Settings that changed (cse.yaml)",
        [col("Setting", 2, true), col("Before", 2), col("Now", 2)],
        diff.settings.map((s) => [[text(s.field)], [text(show(s.from))], [text(show(s.to))]]),
      ),
    );
  }
  if (diff.elements.length) {
    blocks.push(
      table(
        `Elements that changed (${diff.elements.length})`,
        [col("Element", 1, true), col("What changed", 6)],
        diff.elements.map((e) => [[elementRef(e.id)], [text(elementPhrases(e, diff).join("; "))]]),
      ),
    );
  }
  for (const [caption, kind, items] of [
    ["Evidence items", "evidence", diff.evidence],
    ["Case studies", "case-study", diff.caseStudies],
  ] as const) {
    if (!items.length) continue;
    blocks.push(
      table(
        `${caption} (${countByStatus([...items])})`,
        [col("Id", 1, true), col("Status", 1, true), col("Title", 3), col("What changed", 4)],
        items.map((i) => [
          [i.status === "removed" ? text(i.id) : itemRef(kind, i.id)],
          [text(STATUS_LABEL[i.status])],
          [text(i.title)],
          [text(itemPhrases(i).join("; "))],
        ]),
      ),
    );
  }
  if (diff.findings.length) {
    blocks.push(
      table(
        `Findings (${countByStatus(diff.findings)})`,
        [col("Date", 2, true), col("Status", 1, true), col("What changed", 6)],
        diff.findings.map((f) => [
          [text(formatDate(f.date, ctx.s.config.build.language))],
          [text(STATUS_LABEL[f.status])],
          [text(findingPhrases(f, diff).join("; "))],
        ]),
      ),
    );
  }
  if (diff.actions.length) {
    blocks.push(
      table(
        `Actions (${countByStatus(diff.actions)})`,
        [col("Element", 1, true), col("Status", 1, true), col("Action", 4), col("What changed", 3)],
        diff.actions.map((a) => [
          [elementRef(a.element)],
          [text(STATUS_LABEL[a.status])],
          [text(a.title)],
          [text(actionPhrases(a, diff).join("; "))],
        ]),
      ),
    );
  }
  const title = `Changes since ${diff.from.label}`;
  return {
    anchor: "changes-since",
    kind: "changes-since",
    level: 2,
    title,
    shortTitle: title,
    inContents: true,
    blocks,
    children: [],
  };
}

function show(v: string | number | null): string {
  return v === null || v === "" ? "not set" : String(v);
}

function col(label: string, width: number, nowrap = false): TableColumn {
  return { label, align: "start", width, nowrap };
}

function table(caption: string, columns: TableColumn[], rows: Inline[][][]): Block {
  return { type: "table", caption, columns, rows, rowHeaders: true };
}
