import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joined, openPdf, pageTexts, type PdfFile } from "./helpers/pdf-read.js";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

// `cse build --split criterion` on a submission made for it: the minimal one (criteria 1 and
// 2, two evidence items, one case study, no glossary, no service standards), with a statement
// that mentions an evidence item and an element of the other criterion in its Markdown.
const EPOCH = { SOURCE_DATE_EPOCH: "1799539200" };

function fixture(): Record<string, string> {
  const base = minimalSubmission();
  return {
    ...base,
    "assessment/self.yaml": base["assessment/self.yaml"]!.replace(
      "statement: We know our customers well.",
      "statement: We know our customers well; see E002 and element 2.1.1.",
    ),
  };
}

// What the fixture splits into, in order: its two criteria give volumes 2 and 3.
const VOLUMES = [
  "00-contents",
  "01-front-matter",
  "02-criterion-1",
  "03-criterion-2",
  "04-case-studies",
  "05-evidence-index",
  "06-appendices",
];

let root: string;
let folder: string;
let stdout: string;
const html = new Map<string, string>();
const pdfs = new Map<string, PdfFile>();

beforeAll(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cse-split-")));
  for (const [rel, text] of Object.entries(fixture())) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const r = await runCse(["build", "--split", "criterion"], { cwd: root, env: EPOCH });
  expect(r.code, r.stderr).toBe(0);
  stdout = r.stdout;
  folder = path.join(root, "out/submission-volumes");
  for (const v of VOLUMES) {
    html.set(v, fs.readFileSync(path.join(folder, `${v}.html`), "utf8"));
    pdfs.set(v, await openPdf(fs.readFileSync(path.join(folder, `${v}.pdf`))));
  }
}, 120_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The ids of a page's elements. */
function idsOf(page: string): string[] {
  return [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
}

/** The ids of a page's sections (the pack's anchors). */
function sectionIds(page: string): string[] {
  return [...page.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]!);
}

/** Every link of a page to a place in the pack: the file ("" for the page itself) and the anchor. */
function placeLinks(page: string): { file: string; anchor: string }[] {
  return [...page.matchAll(/href="([^"#:]*)#([^"]+)"/g)].map((m) => ({ file: m[1]!, anchor: m[2]! }));
}

/** Every link annotation of a PDF: remote ones with the file and destination they open. */
async function pdfLinks(pdf: PdfFile): Promise<{ remote: string | null; dest: unknown; page: number }[]> {
  const links = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    for (const a of await (await pdf.getPage(n)).getAnnotations())
      if (a.subtype === "Link")
        links.push({ remote: (a.unsafeUrl as string) ?? null, dest: a.dest, page: n });
  }
  return links;
}

describe("cse build --split criterion", () => {
  it("writes the contents and one volume per part, in HTML and PDF, in a folder of its own", () => {
    expect(fs.readdirSync(folder).sort()).toEqual(VOLUMES.flatMap((v) => [`${v}.html`, `${v}.pdf`]).sort());
    // The single-file pack is not written beside it, and nothing staged is left behind.
    expect(fs.readdirSync(path.join(root, "out"))).toEqual(["submission-volumes"]);
    expect(stdout).toContain("Wrote out/submission-volumes/ (14 files");
    expect(stdout).toContain("00-contents.html and 00-contents.pdf, to open first");
  });

  it("puts each part of the pack in its volume, and every section in exactly one", async () => {
    const single = testdir(fixture());
    expect((await runCse(["build", "--format", "html"], { cwd: single, env: EPOCH })).code).toBe(0);
    const whole = sectionIds(fs.readFileSync(path.join(single, "out/submission.html"), "utf8"));
    const split = VOLUMES.slice(1).flatMap((v) => sectionIds(html.get(v)!));
    expect([...split].sort()).toEqual([...whole].sort());
    expect(new Set(split).size).toBe(split.length);

    const headings = (v: string) => [...html.get(v)!.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings("01-front-matter")).toEqual(expect.arrayContaining(["At a glance"]));
    expect(headings("02-criterion-1")).toEqual(["Criterion 1: Customer Insight"]);
    expect(headings("03-criterion-2")).toEqual(["Criterion 2: Culture"]);
    expect(headings("04-case-studies")).toEqual(["Case studies"]);
    expect(headings("05-evidence-index")).toEqual(["Evidence index"]);
    expect(sectionIds(html.get("02-criterion-1")!)).toEqual(
      expect.arrayContaining(["crit-1", "sc-1.1", "el-1.1.1", "el-1.2.1"]),
    );
    expect(sectionIds(html.get("03-criterion-2")!)).not.toContain("el-1.1.1");
    expect(sectionIds(html.get("05-evidence-index")!)).toEqual(
      expect.arrayContaining(["ev-E001", "ev-E002"]),
    );
  });

  it("HTML: every link to a place opens a page of the set that has it", () => {
    let across = 0;
    for (const v of VOLUMES) {
      for (const link of placeLinks(html.get(v)!)) {
        const target = link.file === "" ? v : link.file.replace(/\.html$/, "");
        if (link.file !== "") across++;
        expect(VOLUMES, `${v} links to ${link.file}`).toContain(target);
        expect(idsOf(html.get(target)!), `${v} links to ${link.file}#${link.anchor}`).toContain(link.anchor);
      }
    }
    expect(across).toBeGreaterThan(0);
    // The element cites its evidence in the evidence index's volume, and its Markdown's mentions
    // of an item and of an element of the other criterion open those volumes.
    const crit1 = html.get("02-criterion-1")!;
    expect(crit1).toContain('href="05-evidence-index.html#ev-E001"');
    expect(crit1).toContain('href="05-evidence-index.html#ev-E002"');
    expect(crit1).toContain('href="03-criterion-2.html#el-2.1.1"');
    // A link within the volume stays within it.
    expect(crit1).toContain('href="#crit-1"');
  });

  it("PDF: every link opens a destination that exists, in its own file or the one it names", async () => {
    let remote = 0;
    for (const v of VOLUMES) {
      const pdf = pdfs.get(v)!;
      for (const link of await pdfLinks(pdf)) {
        if (link.remote === null) {
          if (typeof link.dest === "string")
            expect(await pdf.getDestination(link.dest), link.dest).not.toBeNull();
          continue;
        }
        if (/^(https?|mailto):/.test(link.remote)) continue;
        remote++;
        const [file, anchor] = link.remote.split("#") as [string, string];
        expect(file).toMatch(/^\d\d-[a-z0-9.-]+\.pdf$/);
        const target = pdfs.get(file.replace(/\.pdf$/, ""));
        expect(target, `${v} opens ${file}`).toBeDefined();
        expect(await target!.getDestination(anchor), `${v} opens ${link.remote}`).not.toBeNull();
      }
    }
    expect(remote).toBeGreaterThan(0);
    const crit1 = (await pdfLinks(pdfs.get("02-criterion-1")!)).map((l) => l.remote);
    expect(crit1).toEqual(
      expect.arrayContaining([
        "05-evidence-index.pdf#ev-E001",
        "05-evidence-index.pdf#ev-E002",
        "03-criterion-2.pdf#el-2.1.1",
      ]),
    );
  });

  it("PDF: a citation of an item in another volume names that volume instead of a page", async () => {
    const text = (await pageTexts(pdfs.get("02-criterion-1")!)).map(joined).join(" ");
    expect(text).toContain("E001 Customer profile, in volume 5");
    expect(text).not.toMatch(/Customer profile, p\. \d/);
  });

  it("names the volume on its cover", async () => {
    const cover = joined((await pageTexts(pdfs.get("03-criterion-2")!))[0]!);
    expect(cover).toContain(`Volume 3 of ${VOLUMES.length - 1}: Criterion 2: Culture`);
    expect(html.get("03-criterion-2")).toContain(`3 of ${VOLUMES.length - 1}: Criterion 2: Culture`);
  });

  it("the contents volume lists every volume and opens each", async () => {
    const page = html.get("00-contents")!;
    const text = (await pageTexts(pdfs.get("00-contents")!)).map(joined).join(" ");
    const remote = (await pdfLinks(pdfs.get("00-contents")!)).map((l) => l.remote ?? "");
    for (const [i, v] of VOLUMES.slice(1).entries()) {
      expect(page).toContain(`Volume ${i + 1}: `);
      expect(page).toContain(`href="${v}.html#`);
      expect(text).toContain(`Volume ${i + 1}: `);
      expect(remote.some((r) => r.startsWith(`${v}.pdf#`))).toBe(true);
    }
  });
});

describe("cse build --split: settings, refusals and whole-or-nothing", () => {
  it("build.split in cse.yaml splits, and --split none builds the one-file pack", async () => {
    const files = fixture();
    const dir = testdir({ ...files, "cse.yaml": `${files["cse.yaml"]}build:\n  split: criterion\n` });
    expect((await runCse(["build", "--format", "html"], { cwd: dir, env: EPOCH })).code).toBe(0);
    expect(fs.readdirSync(path.join(dir, "out/submission-volumes"))).toContain("00-contents.html");
    expect(
      (await runCse(["build", "--format", "html", "--split", "none"], { cwd: dir, env: EPOCH })).code,
    ).toBe(0);
    expect(fs.existsSync(path.join(dir, "out/submission.html"))).toBe(true);
  });

  it("with --attach, each volume carries the attachments of the items in it, and only those", async () => {
    const files = fixture();
    const dir = testdir({
      ...files,
      "evidence/E001.yaml": `${files["evidence/E001.yaml"]}files: [files/profile.csv]\n`,
      "evidence/files/profile.csv": "group,size\nstudents,900\n",
    });
    const r = await runCse(["build", "--format", "pdf", "--split", "criterion", "--attach"], {
      cwd: dir,
      env: EPOCH,
    });
    expect(r.code, r.stderr).toBe(0);
    const carried = async (v: string) => {
      const pdf = await openPdf(fs.readFileSync(path.join(dir, `out/submission-volumes/${v}.pdf`)));
      const found = (await pdf.getAttachments()) as Record<string, { filename: string }> | null;
      return Object.values(found ?? {}).map((a) => a.filename);
    };
    expect(await carried("05-evidence-index")).toEqual(["profile.csv"]);
    expect(await carried("02-criterion-1")).toEqual([]);
    expect(await carried("00-contents")).toEqual([]);
  });

  it("refuses to split a Word document or zip bundle, in plain words, before writing", async () => {
    const dir = testdir(fixture());
    const r = await runCse(["build", "--format", "pdf,docx", "--split", "criterion"], {
      cwd: dir,
      env: EPOCH,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("can be HTML and PDF, but not the Word document (docx)");
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("writes no volume when one fails, and leaves the earlier set as it was", async () => {
    const dir = testdir(fixture());
    const opts = { cwd: dir, env: EPOCH };
    expect((await runCse(["build", "--format", "html", "--split", "criterion"], opts)).code).toBe(0);
    const vols = path.join(dir, "out/submission-volumes");
    const before = new Map(fs.readdirSync(vols).map((f) => [f, fs.readFileSync(path.join(vols, f), "utf8")]));
    // A template that fails only in the evidence index's volume, after earlier volumes are done;
    // the first criterion's title changes, so a volume written anyway would differ.
    const section = fs.readFileSync(path.join(import.meta.dirname, "../templates/section.hbs"), "utf8");
    fs.mkdirSync(path.join(dir, "templates"));
    fs.writeFileSync(
      path.join(dir, "templates/section.hbs"),
      `{{#if (eq kind "evidence-index")}}{{> no-such-partial}}{{/if}}${section}`,
    );
    fs.writeFileSync(
      path.join(dir, "criteria/1.yaml"),
      fs.readFileSync(path.join(dir, "criteria/1.yaml"), "utf8").replace("Customer Insight", "Insight"),
    );
    const r = await runCse(["build", "--format", "html", "--split", "criterion"], opts);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot build the HTML pack");
    const after = new Map(fs.readdirSync(vols).map((f) => [f, fs.readFileSync(path.join(vols, f), "utf8")]));
    expect(after).toEqual(before);
    expect(fs.readdirSync(path.join(dir, "out"))).toEqual(["submission-volumes"]);

    // Into a new folder: nothing at all, not even the folder.
    const fresh = await runCse(["build", "--format", "html", "--split", "criterion", "--out", "fresh"], opts);
    expect(fresh.code).toBe(1);
    expect(fs.existsSync(path.join(dir, "fresh"))).toBe(false);
  });

  it("replaces an earlier set whole: no volume of a larger earlier split is left behind", async () => {
    const dir = testdir(fixture());
    const opts = { cwd: dir, env: EPOCH };
    expect((await runCse(["build", "--format", "html", "--split", "criterion"], opts)).code).toBe(0);
    const vols = path.join(dir, "out/submission-volumes");
    fs.writeFileSync(path.join(vols, "09-criterion-9.html"), "from an earlier build");
    expect((await runCse(["build", "--format", "html", "--split", "criterion"], opts)).code).toBe(0);
    expect(fs.readdirSync(vols)).not.toContain("09-criterion-9.html");
    expect(fs.readdirSync(vols)).toHaveLength(VOLUMES.length);
  });
});
