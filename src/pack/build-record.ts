import type { Block, Fact, Section } from "./document-model.js";
import { code, text } from "./inline.js";
import { lastChangedFact } from "./last-changed-text.js";
import type { PackContext } from "./pack-context.js";

/**
 * The appendix recording how the pack was built: the cse version, the build and as-of days,
 * the git commit, and when each evidence item last changed (from git). Kept out of the
 * assessor's way, there for whoever needs to trace the pack back to its sources.
 */
export function buildRecordSection(ctx: PackContext): Section {
  const { build } = ctx.inputs;
  const facts: Fact[] = [
    { term: "Built", value: [text(`${ctx.date(build.date)} by ${build.generator}`)] },
    { term: "Dates judged as of", value: [text(ctx.date(build.asOf))] },
    { term: "Drafts", value: [text(build.includeDrafts ? "included, marked Draft" : "left out")] },
  ];
  // Outside git there is no commit to name: the fact is left out rather than said to be missing.
  if (build.commit)
    facts.splice(2, 0, {
      term: "From commit",
      value: [code(build.commit), ...(build.uncommitted ? [text(" with uncommitted changes")] : [])],
    });
  const blocks: Block[] = [{ type: "facts", items: facts }];
  const history = ctx.inputs.lastChanged ?? null;
  if (history && !history.known && history.reason !== "not-a-repository")
    blocks.push({
      type: "paragraph",
      role: "note",
      content: [text(`Last-changed dates are not shown: ${history.message}.`)],
    });
  if (history?.known && ctx.evidence.length > 0) {
    blocks.push({
      type: "table",
      caption: "When each evidence item last changed",
      columns: [
        { label: "Id", align: "start", width: 1, nowrap: true },
        { label: "Last changed", align: "start", width: 6, nowrap: false },
      ],
      rows: ctx.evidence.map((e) => [
        [{ type: "ref", anchor: `ev-${e.id}`, text: e.id }],
        lastChangedFact(history.items.get(e.id), ctx.date) ?? [text("unknown")],
      ]),
      rowHeaders: true,
    });
  }
  return {
    anchor: "build-record",
    kind: "build-record",
    level: 2,
    title: "Appendix: how this pack was built",
    shortTitle: "Appendix",
    inContents: true,
    blocks,
    children: [],
  };
}
