import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/cli/actions/build.js";
import { renderHtmlPreview, renderHtmlText } from "../../src/cli/actions/build-html.js";
import { WorkTree } from "../../src/load/source-tree.js";
import { readSubmission } from "../../src/model/read-submission.js";
import { SectionMemo } from "../../src/render/html/section-memo.js";
import { minimalSubmission } from "../helpers/minimal.js";
import { testdir } from "../helpers/testdir.js";

const AS_OF = "2015-01-10";

/** The page rendered through `memo`, and the same page rendered whole. */
function render(dir: string, memo: SectionMemo) {
  const tree = new WorkTree(dir);
  const { submission } = readSubmission(tree, { asOf: AS_OF });
  const doc = assembleDocument(
    tree,
    submission,
    { includeDrafts: false, format: "html" },
    { asOf: AS_OF, buildDate: "2015-01-10" },
  );
  const { first, rest } = renderHtmlPreview(doc, tree, memo);
  const memoised = Buffer.concat([Buffer.from(first, "utf8"), ...rest]).toString("utf8");
  return { memoised, whole: renderHtmlText(doc, tree, {}) };
}

const edit = (dir: string, rel: string, change: (text: string) => string) =>
  fs.writeFileSync(path.join(dir, rel), change(fs.readFileSync(path.join(dir, rel), "utf8")));

describe("cse preview's incremental rendering (SectionMemo)", () => {
  it("renders again only the sections that changed, and the page is the page rendered whole", () => {
    const dir = testdir(minimalSubmission());
    const memo = new SectionMemo();
    const first = render(dir, memo);
    expect(first.memoised).toBe(first.whole);
    expect(memo.counts.reused).toBe(0);
    const all = memo.counts.rendered;

    // Nothing changed: every top-level section is taken whole from the memo.
    const same = render(dir, memo);
    expect(same.memoised).toBe(same.whole);
    expect(memo.counts.rendered).toBe(0);

    // One item's title: its section and those holding or listing it are rendered again, no more.
    edit(dir, "evidence/E001.yaml", (t) => t.replace(/^title: .*$/m, "title: A title changed for the test"));
    const edited = render(dir, memo);
    expect(edited.memoised).toBe(edited.whole);
    expect(edited.memoised).toContain("A title changed for the test");
    expect(memo.counts.rendered).toBeGreaterThan(0);
    expect(memo.counts.rendered).toBeLessThan(all);
    expect(memo.counts.reused).toBeGreaterThan(0);
  });

  it("numbers charts as the whole page does when the figures before some sections change", () => {
    const dir = testdir(minimalSubmission());
    const memo = new SectionMemo();
    const first = render(dir, memo);
    expect(first.memoised).toContain("<svg");
    // Another element covered: the at-a-glance charts change, later sections are reused.
    edit(dir, "evidence/E002.yaml", (t) => t.replace('["1.2.1", "2.1.1"]', '["1.2.1", "2.1.1", "2.1.2"]'));
    const second = render(dir, memo);
    expect(second.memoised).toBe(second.whole);
    expect(memo.counts.rendered).toBeGreaterThan(0);
    expect(memo.counts.reused).toBeGreaterThan(0);
  });

  it("gives the page rendered whole after items are added, deleted and renamed", () => {
    const dir = testdir(minimalSubmission());
    const memo = new SectionMemo();
    expect(render(dir, memo).memoised).toContain("E001");
    const e1 = fs.readFileSync(path.join(dir, "evidence/E001.yaml"), "utf8");
    // Added: a copy of E001 under a new id.
    fs.writeFileSync(path.join(dir, "evidence/E009.yaml"), e1.replace(/\bE001\b/g, "E009"));
    const added = render(dir, memo);
    expect(added.memoised).toBe(added.whole);
    expect(added.memoised).toContain("E009");
    // Renamed: the same item in another file.
    fs.renameSync(path.join(dir, "evidence/E009.yaml"), path.join(dir, "evidence/E009-moved.yaml"));
    const renamed = render(dir, memo);
    expect(renamed.memoised).toBe(renamed.whole);
    // Deleted.
    fs.rmSync(path.join(dir, "evidence/E009-moved.yaml"));
    const deleted = render(dir, memo);
    expect(deleted.memoised).toBe(deleted.whole);
    expect(deleted.memoised).not.toContain("E009");
    // Edited back and forth: a page met before is given again.
    edit(dir, "evidence/E001.yaml", (t) => t.replace(/^title: .*$/m, "title: Changed once"));
    expect(render(dir, memo).memoised).toContain("Changed once");
    fs.writeFileSync(path.join(dir, "evidence/E001.yaml"), e1);
    const back = render(dir, memo);
    expect(back.memoised).toBe(back.whole);
    expect(back.memoised).not.toContain("Changed once");
  });

  it("gives the page rendered whole when the submission's templates come and go", () => {
    const dir = testdir(minimalSubmission());
    const memo = new SectionMemo();
    render(dir, memo);
    fs.mkdirSync(path.join(dir, "templates"), { recursive: true });
    fs.writeFileSync(path.join(dir, "templates/section.hbs"), "<section>{{title}}</section>\n");
    const own = render(dir, memo);
    expect(own.memoised).toBe(own.whole);
    fs.rmSync(path.join(dir, "templates"), { recursive: true });
    const builtIn = render(dir, memo);
    expect(builtIn.memoised).toBe(builtIn.whole);
    expect(memo.counts.reused).toBe(0);
  });

  it("is not used with the submission's own templates: the page is rendered whole", () => {
    const dir = testdir({
      ...minimalSubmission(),
      "templates/section.hbs": "<section>{{title}}</section>\n",
    });
    const memo = new SectionMemo();
    const first = render(dir, memo);
    expect(first.memoised).toBe(first.whole);
    expect(memo.counts).toEqual({ rendered: 0, reused: 0 });
  });
});
