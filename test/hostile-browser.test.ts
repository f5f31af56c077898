/// <reference lib="dom" />
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

// Template overrides are the submission's own markup, so they could write a script, a tracking
// image, a refresh that navigates away or a frame. The renderer refuses the elements that
// navigate or embed (script included), and the pack's Content-Security-Policy, put first in the
// head where no markup before it can hide it, stops the rest in a real browser.

const CHROMIUM = "/usr/bin/chromium";
const EPOCH = { SOURCE_DATE_EPOCH: "1800000000" };
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
});

afterAll(async () => {
  await browser?.close();
});

// Markup the element check lets through, all of which tries to run or fetch something.
const HOSTILE_FOOTER = `<footer><img src="https://e.test/pixel.png" alt="" onerror="document.title = 'PWNED'">
<div style="background: url(https://e.test/bg.png)">x</div><svg><image href="https://e.test/i.png"/></svg>
<a id="js" href="javascript:document.title='PWNED'">click</a></footer>`;

interface Opened {
  title: string;
  requests: string[];
  navigations: string[];
  dialogs: string[];
  policyInHead: boolean;
}

async function buildPack(
  templates: Record<string, string>,
): Promise<{ dir: string; code: number; stderr: string }> {
  const dir = testdir({
    ...minimalSubmission(),
    ...Object.fromEntries(Object.entries(templates).map(([k, v]) => [`templates/${k}`, v])),
  });
  const r = await runCse(["build", "--format", "html"], { cwd: dir, env: EPOCH });
  return { dir, code: r.code, stderr: r.stderr };
}

async function openPack(templates: Record<string, string>): Promise<Opened> {
  const { dir, code, stderr } = await buildPack(templates);
  expect(code, stderr).toBe(0);
  const page = await browser.newPage();
  const requests: string[] = [];
  const navigations: string[] = [];
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("framenavigated", (frame) => navigations.push(frame.url()));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const url = `file://${path.join(dir, "out/submission.html")}`;
  await page.goto(url, { waitUntil: "load" });
  if (await page.$("#js")) await page.click("#js");
  // A refresh of 0 s or a late script would have acted by the time a second load settles.
  await page.waitForLoadState("networkidle");
  const title = await page.title();
  const policyInHead = await page.evaluate(
    () => document.head.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null,
  );
  await page.close();
  return { title, requests, navigations: navigations.filter((n) => n !== url), dialogs, policyInHead };
}

function expectInert(r: Opened): void {
  expect(r.title).not.toContain("PWNED");
  expect(r.dialogs).toEqual([]);
  expect(r.requests).toEqual([]);
  expect(r.navigations).toEqual([]);
  expect(r.policyInHead).toBe(true);
}

describe("a pack whose template overrides try to run script and load resources", () => {
  it("runs no script, makes no request and does not navigate", { timeout: 120_000 }, async () => {
    expectInert(await openPack({ "footer.hbs": HOSTILE_FOOTER }));
  });

  it("even when the layout puts markup before the head", { timeout: 120_000 }, async () => {
    const layout = `<!DOCTYPE html><p onclick="x()">first</p><html><head><title>{{title}}</title></head><body>{{> footer}}</body></html>`;
    expectInert(await openPack({ "layout.hbs": layout, "footer.hbs": HOSTILE_FOOTER }));
  });

  // An attribute value holding "<head>" once fooled the pattern that placed the policy.
  it.each([[`"`], [`'`]])(
    "even when an attribute before the head holds <head> in %s quotes",
    { timeout: 120_000 },
    async (q) => {
      const layout = `<!DOCTYPE html><html data-x=${q}><head>${q}><head><title>{{title}}</title></head><body>{{> footer}}</body></html>`;
      expectInert(await openPack({ "layout.hbs": layout, "footer.hbs": HOSTILE_FOOTER }));
    },
  );
});

describe("template overrides that would navigate, embed or fetch", () => {
  it.each([
    ['<meta http-equiv="refresh" content="0;url=https://e.test/">', "meta http-equiv"],
    ['<iframe src="https://e.test/frame"></iframe>', "iframe"],
    ['<object data="https://e.test/o"></object>', "object"],
    ['<embed src="https://e.test/e">', "embed"],
    ['<base href="https://e.test/">', "base"],
    ['<link rel="dns-prefetch" href="//e.test">', "link"],
    ['<script>document.title = "PWNED"</script>', "script"],
  ])("are refused, naming the template: %s", async (markup, element) => {
    const r = await buildPack({ "footer.hbs": `<footer>${markup}</footer>` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`templates/footer.hbs writes <${element}>,`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("are refused when put together from pieces", async () => {
    const r = await buildPack({
      "footer.hbs": '<{{#if title}}ifr{{/if}}ame src="https://e.test/"></iframe>',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the templates (templates/footer.hbs) write <iframe>,");
  });
});
