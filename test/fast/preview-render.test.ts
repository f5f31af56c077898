import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assembleDocument } from "../../src/cli/actions/build.js";
import { renderHtmlPreview, renderHtmlText } from "../../src/cli/actions/build-html.js";
import { WorkTree } from "../../src/load/source-tree.js";
import { readSubmission } from "../../src/model/read-submission.js";
import { SectionMemo } from "../../src/render/html/section-memo.js";
import { FileCache } from "../../src/load/file-cache.js";
import { PackMemo } from "../../src/pack/pack-memo.js";
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

/**
 * The preview's way: one cache kept in memory (an unchanged file's data is the same object from
 * build to build), the pack memo and the section memo; and the page of a fresh build (no cache,
 * no memo) rendered whole, which the preview's page must equal.
 */
function previewer(dir: string) {
  let cache = FileCache.parse(null, "test");
  const items = new PackMemo();
  const sections = new SectionMemo();
  const assemble = (tree: WorkTree, memo?: PackMemo, fileCache?: FileCache) => {
    const { submission } = readSubmission(tree, { asOf: AS_OF, cache: fileCache });
    return assembleDocument(
      tree,
      submission,
      { includeDrafts: false, format: "html" },
      { asOf: AS_OF, buildDate: "2015-01-10" },
      memo,
    );
  };
  return {
    items,
    sections,
    render() {
      cache = cache.nextRun();
      const tree = new WorkTree(dir);
      items.startPack();
      const { first, rest } = renderHtmlPreview(assemble(tree, items, cache), tree, sections);
      const page = Buffer.concat([Buffer.from(first, "utf8"), ...rest]).toString("utf8");
      const fresh = new WorkTree(dir);
      return { page, fresh: renderHtmlText(assemble(fresh), fresh, {}) };
    },
  };
}

describe("cse preview's per-item memo (PackMemo)", () => {
  const files = () => ({
    ...minimalSubmission(),
    "cse.yaml": `${minimalSubmission()["cse.yaml"]}customers:
  - id: students
    name: Students
glossary:
  CRM: Customer relationship management
`,
    "evidence/E001.yaml": `${minimalSubmission()["evidence/E001.yaml"]}customers: [students]
files: [profile.pdf]
`,
    "evidence/profile.pdf": "%PDF-1.4 a profile",
    "evidence/E002.yaml": e002(),
    // An action naming an item that does not cite its element (1.2.1): its citation shows there.
    "assessment/self.yaml": minimalSubmission()["assessment/self.yaml"]!.replace(
      "        done: false\n",
      "        done: false\n        evidence: [E001]\n",
    ),
  });
  const e002 = () =>
    String(minimalSubmission()["evidence/E002.yaml"])
      .replace("How we engage.", "How we engage, with our CRM and the CRM again.")
      .replace("title: Customer strategy", "title: Customer strategy and CRM");

  it("gives unchanged items' sections again, and the page is a fresh build's", () => {
    const dir = testdir(files());
    const p = previewer(dir);
    const first = p.render();
    expect(first.page).toBe(first.fresh);
    expect(first.page).toContain("<abbr");
    const made = p.items.counts.made;
    expect(made).toBeGreaterThan(0);
    const same = p.render();
    expect(same.page).toBe(same.fresh);
    expect(p.items.counts).toEqual({ made: 0, reused: made });
    edit(dir, "evidence/E001.yaml", (t) => t.replace(/^title: .*$/m, "title: A new title"));
    const edited = p.render();
    expect(edited.page).toBe(edited.fresh);
    expect(edited.page).toContain("A new title");
    // Its entry, its row of the evidence index, and the sections of the elements it cites (1.1.1,
    // 1.1.2) or an action names it in (1.2.1).
    expect(p.items.counts.made).toBe(5);
  });

  it("shows an element's text changed and changed back in items that did not change", () => {
    const dir = testdir(files());
    const p = previewer(dir);
    const before = fs.readFileSync(path.join(dir, "criteria/1.yaml"), "utf8");
    p.render();
    for (const text of ["Know the customers.", "Know who the customers are.", "Know the customers."]) {
      fs.writeFileSync(
        path.join(dir, "criteria/1.yaml"),
        before.replace("Know who the customers are.", text),
      );
      const after = p.render();
      expect(after.page).toBe(after.fresh);
      expect(after.page).toContain(text);
    }
  });

  // What an unchanged item's section shows of the rest of the pack: each change must show in it.
  const changes: [string, string, (t: string) => string, string][] = [
    ["a person renamed", "cse.yaml", (t) => t.replace("Ann Example", "Ann Renamed"), "Ann Renamed"],
    ["a section retitled", "cse.yaml", (t) => t.replace("name: Library", "name: The Library"), "The Library"],
    [
      "a customer group renamed",
      "cse.yaml",
      (t) => t.replace("name: Students", "name: Learners"),
      "Learners",
    ],
    [
      "a glossary term's expansion",
      "cse.yaml",
      (t) => t.replace("Customer relationship management", "Client records"),
      "Client records",
    ],
    [
      "the language",
      "cse.yaml",
      (t) => `${t}build:
  language: en-US
`,
      "June 1, 2014",
    ],
    [
      "an element's text",
      "criteria/1.yaml",
      (t) => t.replace("Know who the customers are.", "Know the customers."),
      "Know the customers.",
    ],
    ["an attachment's size", "evidence/profile.pdf", (t) => `${t} and more`, "27 bytes"],
    [
      "a backing case study retitled",
      "evidence/case-studies/CS01.yaml",
      (t) => t.replace("Listening to students", "Hearing students"),
      "Hearing students",
    ],
    [
      "the evidence behind a case study retitled",
      "evidence/E002.yaml",
      (t) => t.replace("Customer strategy", "Engagement strategy"),
      "Engagement strategy",
    ],
    [
      "a rating's label",
      "criteria/standard.yaml",
      (t) => t.replace("label: Partial Compliance", "label: Partly Compliant"),
      "Partly Compliant",
    ],
    [
      "the latest finding's date",
      "assessment/findings/2014.yaml",
      (t) => t.replace("date: 2014-03-10", "date: 2014-04-10"),
      "10 April 2014",
    ],
    [
      "a rule (evidence each element needs)",
      "cse.yaml",
      (t) => `${t}rules:
  min_evidence: 3
`,
      "at least 3",
    ],
    [
      "an item an action names retitled",
      "evidence/E001.yaml",
      (t) => t.replace("title: Customer profile", "title: Who the customers are"),
      "Who the customers are",
    ],
    ["an element removed", "criteria/2.yaml", (t) => t.replace(/ {6}- id: "2\.1\.2"\n.*\n/, ""), "Culture"],
  ];
  it("renders a table's changed row again, and its layout as the whole table gives it", () => {
    const dir = testdir(files());
    const p = previewer(dir);
    expect(p.render().page).toContain('<table class="cards">');
    // A title with a word too long for any screen: the evidence index becomes cards everywhere.
    edit(dir, "evidence/E001.yaml", (t) => t.replace(/^title: .*$/m, `title: ${"x".repeat(90)}`));
    const wide = p.render();
    expect(wide.page).toBe(wide.fresh);
    expect(wide.page).toContain('<table class="cards cards-always">');
    edit(dir, "evidence/E001.yaml", (t) => t.replace(/^title: .*$/m, "title: Short"));
    const back = p.render();
    expect(back.page).toBe(back.fresh);
  });

  for (const [what, file, change, shown] of changes)
    it(`shows ${what} in items that did not change`, () => {
      const dir = testdir(files());
      const p = previewer(dir);
      expect(p.render().page).not.toContain(shown === "Culture" ? "\u0000" : shown);
      edit(dir, file, change);
      const after = p.render();
      expect(after.page).toBe(after.fresh);
      expect(after.page).toContain(shown);
      // And back.
      const again = p.render();
      expect(again.page).toBe(again.fresh);
    });
});
