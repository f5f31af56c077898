/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the browser, so this file also sees the DOM types.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { destinationPage, joined, openPdf, pageTexts, type PdfFile } from "./helpers/pdf-read.js";
import { packFixture } from "./helpers/pack-fixture.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

// One build of the fixture (HTML and PDF) and one browser for the whole file.
const EPOCH = { SOURCE_DATE_EPOCH: "1422748800" }; // 2015-02-01
let dir: string;
let stderr: string;
let pdfBytes: Buffer;
let pdf: PdfFile;
let pages: string[];
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = testdir(packFixture());
  const r = await runCse(["build"], { cwd: dir, env: EPOCH });
  expect(r.code).toBe(0);
  stderr = r.stderr;
  pdfBytes = fs.readFileSync(path.join(dir, "out/submission.pdf"));
  pdf = await openPdf(pdfBytes);
  pages = (await pageTexts(pdf)).map((p) => joined(p));
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  page = await browser.newPage();
  await page.setContent(fs.readFileSync(path.join(dir, "out/submission.html"), "utf8"));
});

afterAll(async () => {
  await browser?.close();
});

describe("the pack's content in the HTML, as a browser parses it", () => {
  it("counts the self-ratings from the data, each with a shape and its words", async () => {
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll("#at-a-glance table:first-of-type tbody tr")].map((tr) =>
        [...tr.children].map((c) => (c as HTMLElement).innerText.replace(/\s+/g, " ").trim()),
      ),
    );
    const self = packFixture()["assessment/self.yaml"]!;
    const n = (id: string) => String((self.match(new RegExp(`rating: ${id}\\n`, "g")) ?? []).length);
    expect(rows).toContainEqual(["★ Compliance Plus", n("compliance-plus"), "0"]);
    expect(rows).toContainEqual(["● Compliance", n("compliance"), "4"]);
    expect(rows).toContainEqual(["◐ Partial Compliance", n("partial-compliance"), "1"]);
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll(".badge-shape")].every((s) => s.getAttribute("aria-hidden") === "true"),
    );
    expect(hidden).toBe(true);
  });

  it("marks Welsh with lang, on a span and on a block", async () => {
    const langs = await page.evaluate(() =>
      [...document.querySelectorAll("main [lang]")].map((e) => [
        e.tagName,
        e.getAttribute("lang"),
        e.textContent?.trim(),
      ]),
    );
    expect(langs).toContainEqual(["SPAN", "cy", "Croeso"]);
    expect(langs).toContainEqual(["DIV", "cy", "Rydym yn gwrando ar ein cwsmeriaid."]);
  });

  it("expands a glossary term at its first use in each section", async () => {
    const abbrs = await page.evaluate(() =>
      [...document.querySelectorAll("abbr")].map((a) => [a.closest("section")?.id, a.textContent, a.title]),
    );
    expect(abbrs).toContainEqual(["ev-E003", "NSS", "National Student Survey"]);
    expect(abbrs.filter(([id]) => id === "ev-E003")).toHaveLength(1);
    expect(abbrs.filter(([id]) => id === "evidence-index")).toHaveLength(1);
  });

  it("says plainly when evidence is missing, and cites items by id and title", async () => {
    const alert = await page.evaluate(() => document.querySelector("#el-2\\.1\\.2 .alert")?.textContent);
    expect(alert).toBe("Missing: No evidence is cited for this element.");
    const cite = await page.evaluate(
      () => document.querySelector('#progress a.cite[href="#ev-E002"]')?.textContent,
    );
    expect(cite).toBe("E002 Customer strategy");
    const pageHeaders = await page.evaluate(
      () => [...document.querySelectorAll("th")].filter((th) => th.textContent === "Page").length,
    );
    expect(pageHeaders).toBe(0); // page numbers are for paper only
  });
});

describe("the pack's content in the PDF", () => {
  it("prints beside each citation the page where the cited entry begins", async () => {
    const cites = pages.flatMap((text) => [...text.matchAll(/\b(E\d{3}|CS\d{2}) ([^,;]+?), p\. ?(\d+)/g)]);
    expect(cites.length).toBeGreaterThan(3);
    for (const [, id, , printed] of cites) {
      const anchor = `${id!.startsWith("CS") ? "cs" : "ev"}-${id}`;
      const at = await destinationPage(pdf, anchor);
      expect(Number(printed), `${id} cited as p. ${printed}`).toBe(at! + 1);
      expect(pages[at!]).toContain(`${id}:`);
    }
  });

  it("gives Welsh passages /Lang and glossary terms /E on their structure elements", () => {
    const raw = pdfBytes.toString("latin1");
    expect(raw).toMatch(/\/S \/Span[^>]*\/Lang \(cy\)|\/Lang \(cy\)[^>]*\/S \/Span/);
    expect(raw).toMatch(/\/S \/Div[^>]*\/Lang \(cy\)|\/Lang \(cy\)[^>]*\/S \/Div/);
    expect(raw).toContain("/E (National Student Survey)");
  });
});

describe("cse build: pre-flight and --fail-on", () => {
  it("names on stderr each element claimed as meeting the standard without enough evidence", () => {
    expect(stderr).toMatch(
      /^cse build: 1 element is claimed as meeting the standard without enough evidence:\n {2}2\.1\.2 +no evidence\n/,
    );
  });

  it("refuses to build while a listed gap remains, leaving no pack", async () => {
    const fresh = testdir(packFixture());
    const r = await runCse(["build", "--format", "html", "--fail-on", "stale-evidence,no-evidence"], {
      cwd: fresh,
      env: EPOCH,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("  no-evidence: 2.1.2\n");
    expect(fs.existsSync(path.join(fresh, "out"))).toBe(false);
    const ok = await runCse(["build", "--format", "html", "--fail-on", "stale-evidence"], {
      cwd: fresh,
      env: EPOCH,
    });
    expect(ok.code).toBe(0);
    const bad = await runCse(["build", "--fail-on", "no-evidnce"], { cwd: fresh, env: EPOCH });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"no-evidnce" is not a gap code/);
  });
});
