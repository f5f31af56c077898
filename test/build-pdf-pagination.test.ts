import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { paginationFaults, type TaggedLine, taggedLines } from "./helpers/pdf-pages.js";
import { joined, openPdf, pageTexts, type PdfText } from "./helpers/pdf-read.js";
import { runCse } from "./helpers/run-cli.js";
import { PROJECT_ROOT } from "./helpers/testdir.js";
import { PAGE } from "../src/render/pdf/theme.js";

// The pages a typesetter would mark (issue 16): scanned page by page in the built PDF, for the
// sample and for a generated submission of 300 items (bench/generate.js), whose lists, links
// and long descriptions fall across page breaks in many more ways.

const EPOCH = { SOURCE_DATE_EPOCH: "1800000000" };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cse-pages-")));
  dirs.push(dir);
  return dir;
}

async function build(dir: string): Promise<{ faults: string[]; texts: PdfText[][]; lines: TaggedLine[][] }> {
  const r = await runCse(["build", "--format", "pdf", "--as-of", "2027-01-15"], { cwd: dir, env: EPOCH });
  expect(r.code).toBe(0);
  const pdf = await openPdf(fs.readFileSync(path.join(dir, "out/submission.pdf")));
  // From page 2: the cover is set on its own.
  const lines = await taggedLines(pdf);
  const faults = paginationFaults(lines, 1).map((f) => `p. ${f.page}: ${f.fault}`);
  return { faults, texts: await pageTexts(pdf), lines };
}

describe("the PDF's pages", () => {
  it("have no stranded heading, short tail, lone line or stranded table header: the sample", async () => {
    const dir = tempDir();
    for (const name of ["cse.yaml", "criteria", "evidence", "assessment", "docs"])
      fs.cpSync(path.join(PROJECT_ROOT, name), path.join(dir, name), { recursive: true });
    const { faults, texts, lines } = await build(dir);
    expect(faults).toEqual([]);
    // A page carrying on an element says which in its foot; the element starts on an earlier page.
    const continued = texts.flatMap((items, i) => {
      const m = /· Element (\d+\.\d+\.\d+), continued/.exec(joined(items));
      return m ? [{ page: i, element: m[1]! }] : [];
    });
    expect(continued.length).toBeGreaterThan(0);
    for (const { page, element } of continued) {
      const start = lines.findIndex((page) =>
        page.some((l) => l.tags.has("H3") && l.text === `Element ${element}`),
      );
      expect(start, `Element ${element}, continued on page ${page + 1}`).toBeGreaterThanOrEqual(0);
      expect(start).toBeLessThan(page);
    }
  }, 300_000);

  it("have none of those faults either in a generated submission of 300 items", async () => {
    const dir = tempDir();
    execFileSync(process.execPath, [
      path.join(PROJECT_ROOT, "bench/generate.js"),
      "--items",
      "300",
      "--out",
      dir,
    ]);
    expect((await build(dir)).faults).toEqual([]);
  }, 600_000);
});

describe("paginationFaults (the scan itself)", () => {
  const right = PAGE.width - PAGE.right;
  let y = 800;
  const line = (text: string, tags: string[], over: Partial<TaggedLine> = {}): TaggedLine => {
    y -= 15;
    return { text, y, left: PAGE.left, right, tags: new Set(tags), ...over };
  };
  /** A line after the space between two blocks. */
  const spaced = (text: string, tags: string[]): TaggedLine => {
    y -= 8;
    return line(text, tags);
  };
  const page = (...lines: TaggedLine[]): TaggedLine[] => {
    y = 800;
    return lines;
  };
  const body = (n: number, first = "Text") =>
    Array.from({ length: n }, (_, i) => line(`${first} ${i} goes on and on`, ["P"]));

  it("finds a page ending with a heading, and a table header or caption at a foot", () => {
    const pages = [
      page(line("Intro", ["H1"]), ...body(6), line("Element 1.1.1", ["H3"])),
      page(line("Element 1.1.2", ["H3"]), ...body(6), line("Group", ["TH"])),
      page(line("Element 1.1.3", ["H3"]), ...body(6)),
    ];
    expect(paginationFaults(pages, 0).map((f) => [f.page, f.fault])).toEqual([
      [1, 'ends with the heading "Element 1.1.1"'],
      [2, 'ends with a table\'s header "Group"'],
    ]);
  });

  it("finds a short tail before a page starting a section, not a short section of its own", () => {
    const pages = [
      page(line("Case study 1", ["H2"]), ...body(6)),
      page(...body(2, "Tail")),
      page(line("Case study 2", ["H2"]), ...body(1)),
      page(line("Case study 3", ["H2"]), ...body(3)),
    ];
    expect(paginationFaults(pages, 0).map((f) => f.page)).toEqual([2]);
  });

  it("finds one line of a paragraph alone at a foot or at a top, and not a paragraph that ended", () => {
    const short = { right: PAGE.left + 100 };
    const pages = [
      page(line("A", ["H1"]), ...body(6), spaced("An orphan line of a long", ["P"])),
      page(line("paragraph carries on", ["P"]), line("and ends here.", ["P"], short), ...body(3)),
      page(line("B", ["H1"]), ...body(6)),
      page(line("the widow.", ["P"], short), line("Next", ["H4"]), ...body(4)),
      page(line("C", ["H1"]), ...body(5), line("A sentence that ends.", ["P"])),
      page(line("Another paragraph.", ["P"], short), line("Next", ["H4"]), ...body(4)),
    ];
    expect(paginationFaults(pages, 0).map((f) => [f.page, f.fault.split(":")[0]])).toEqual([
      [1, "one line alone at the foot"],
      [4, "one line alone at the top"],
    ]);
  });
});
