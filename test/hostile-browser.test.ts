/// <reference lib="dom" />
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

// Template overrides are the submission's own markup, so they could write a script or a
// tracking image into the pack. The pack's Content-Security-Policy, put first in the head by
// the renderer, stops both in a real browser, whatever the templates say.

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

const HOSTILE_FOOTER = `<footer><script>document.title = "PWNED"; alert("footer")</script>
<img src="https://e.test/pixel.png" alt="" onerror="document.title = 'PWNED'">
<iframe src="https://e.test/frame"></iframe><link rel="stylesheet" href="https://e.test/x.css">
<a id="js" href="javascript:document.title='PWNED'">click</a></footer>`;

async function openPack(
  templates: Record<string, string>,
): Promise<{ title: string; requests: string[]; dialogs: string[] }> {
  const dir = testdir({
    ...minimalSubmission(),
    ...Object.fromEntries(Object.entries(templates).map(([k, v]) => [`templates/${k}`, v])),
  });
  const r = await runCse(["build", "--format", "html"], { cwd: dir, env: EPOCH });
  expect(r.code, r.stderr).toBe(0);
  const page = await browser.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(`file://${path.join(dir, "out/submission.html")}`, { waitUntil: "load" });
  if (await page.$("#js")) await page.click("#js");
  await page.waitForTimeout(100);
  const title = await page.title();
  await page.close();
  return { title, requests, dialogs };
}

describe("a pack whose template overrides write script and remote resources", () => {
  it("runs no script and makes no request", { timeout: 120_000 }, async () => {
    const r = await openPack({ "footer.hbs": HOSTILE_FOOTER });
    expect(r.title).not.toContain("PWNED");
    expect(r.dialogs).toEqual([]);
    expect(r.requests).toEqual([]);
  });

  it("even when the layout puts its script before the head", { timeout: 120_000 }, async () => {
    const layout = `<!DOCTYPE html><script>document.title = "PWNED"</script><html><head><title>{{title}}</title></head><body>{{> footer}}</body></html>`;
    const r = await openPack({ "layout.hbs": layout, "footer.hbs": HOSTILE_FOOTER });
    expect(r.title).not.toContain("PWNED");
    expect(r.dialogs).toEqual([]);
    expect(r.requests).toEqual([]);
  });
});
