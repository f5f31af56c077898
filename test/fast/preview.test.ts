/// <reference lib="dom" />
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewAction } from "../../src/cli/actions/preview.js";
import type { Io } from "../../src/cli/io.js";
import { safeRequestPath } from "../../src/cli/preview/request-path.js";
import { minimalSubmission } from "../helpers/minimal.js";
import { runCse } from "../helpers/run-cli.js";
import { testdir } from "../helpers/testdir.js";

const CHROMIUM = "/usr/bin/chromium";
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
});
afterAll(async () => browser?.close());

/** Starts a preview of `dir` in-process; resolves once it serves. */
async function startPreview(dir: string, extra: Record<string, unknown> = {}) {
  const stop = new AbortController();
  let out = "";
  const io: Io = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: () => true },
    cwd: dir,
    env: { SOURCE_DATE_EPOCH: "1420070400" },
  };
  let ready: (url: string) => void;
  const url = new Promise<string>((resolve) => (ready = resolve));
  const done = previewAction(
    { port: "0", asOf: "2015-01-10", signal: stop.signal, onReady: ready!, ...extra },
    io,
  );
  done.catch(() => undefined);
  return {
    url: await Promise.race([url, done.then(() => "")]),
    stop: () => stop.abort(),
    done,
    out: () => out,
  };
}

/** A GET with the path sent exactly as written (no URL normalising of `..`). */
function rawGet(port: number, rawPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method: "GET" }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("cse preview", () => {
  it("shows the pack, follows edits, lists errors while a file is broken, then shows the pack again", async () => {
    const files = minimalSubmission();
    files["evidence/E001.yaml"] += "files: [profile.txt]\n";
    files["evidence/profile.txt"] = "the profile";
    const dir = testdir(files);
    const preview = await startPreview(dir);
    try {
      expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      await page.goto(preview.url);
      await expect.poll(() => page.content()).toContain("Customer profile");

      // An edit saved the way many editors save: a temporary renamed over the original.
      const file = path.join(dir, "evidence/E001.yaml");
      const text = fs.readFileSync(file, "utf8");
      fs.writeFileSync(`${file}.tmp~`, text.replace("Customer profile", "Customer profile, revised"));
      fs.renameSync(`${file}.tmp~`, file);
      await page.waitForFunction(
        () => document.body.textContent?.includes("Customer profile, revised"),
        null,
        {
          timeout: 30_000,
        },
      );

      // A syntax error: the page lists it with its place instead of a stale pack.
      fs.writeFileSync(file, text.replace("title: Customer profile", 'title: "Customer profile'));
      await page.waitForFunction(() => document.body.textContent?.includes("cannot be shown"), null, {
        timeout: 30_000,
      });
      expect(await page.textContent("main")).toMatch(/evidence\/E001\.yaml:\d+:\d+/);
      // The error links to the item's place in the last pack that built, which is served.
      const link = page.locator('a[href="/__cse/last-good#ev-E001"]');
      expect(await link.textContent()).toBe("E001: Customer profile, revised");
      const lastGood = await fetch(`${preview.url}__cse/last-good`);
      expect(lastGood.status).toBe(200);
      expect(await lastGood.text()).toContain('id="ev-E001"');

      // Mended: the pack returns.
      fs.writeFileSync(file, text);
      await page.waitForFunction(
        () =>
          document.body.textContent?.includes("Customer profile") &&
          !document.body.textContent?.includes("cannot be shown"),
        null,
        { timeout: 30_000 },
      );

      // The reload script ran under the page's policy without a violation, and asked only the preview.
      expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
      expect(requests.every((u) => u.startsWith(preview.url))).toBe(true);

      // Attachments of the pack are served; nothing else is, however the path is written.
      const port = Number(new URL(preview.url).port);
      expect(await rawGet(port, "/evidence/profile.txt")).toBe(200);
      for (const p of [
        "/cse.yaml",
        "/evidence/E001.yaml",
        "/../cse.yaml",
        "/evidence/..%2fcse.yaml",
        "/evidence%2fprofile.txt",
        "/evidence/%2e%2e/cse.yaml",
        "//etc/passwd",
        "/etc/passwd",
        "/C:/Windows/win.ini",
        "/evidence\\profile.txt",
        "/evidence/profile.txt%00",
      ])
        expect(await rawGet(port, p), p).toBe(404);
      await page.close();
    } finally {
      preview.stop();
    }
    expect(await preview.done).toBe(0);
    // Nothing written into the submission but the cache.
    const written = fs
      .readdirSync(dir)
      .filter((n) => !(n in files) && !Object.keys(files).some((f) => f.startsWith(`${n}/`)));
    expect(written).toEqual([".cse-cache"]);
  });

  it("a submission with errors at the start is served as the list of errors", async () => {
    const files = minimalSubmission();
    files["evidence/E002.yaml"] = files["evidence/E002.yaml"]!.replace('"1.2.1"', '"9.9.9"');
    const dir = testdir(files);
    const preview = await startPreview(dir);
    try {
      const res = await fetch(preview.url);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("unknown-element");
      expect(html).toContain("evidence/E002.yaml:");
      // The item the error is in, by id and title; no pack has built yet, so no link.
      expect(html).toContain("In E002: Customer strategy");
      expect(html).not.toContain("/__cse/last-good");
      expect((await fetch(`${preview.url}__cse/last-good`)).status).toBe(404);
    } finally {
      preview.stop();
    }
    expect(await preview.done).toBe(0);
  });

  it("a taken --port is an error, exit 2", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const dir = testdir(minimalSubmission());
      const r = await runCse(["preview", "--port", String(port), "--as-of", "2015-01-10"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });
});

describe("safeRequestPath", () => {
  it("keeps plain paths and refuses anything that could climb or hide a separator", () => {
    expect(safeRequestPath("/evidence/a%20b.pdf")).toBe("evidence/a b.pdf");
    for (const bad of [
      "/",
      "/..",
      "/a/../b",
      "/a/%2e%2e/b",
      "/a%2fb",
      "/a%5cb",
      "/a\\b",
      "//x",
      "/a?x",
      "/%00",
      "/C:/x",
      "/a//b",
      "/%E0%A4%A",
    ])
      expect(safeRequestPath(bad), bad).toBeNull();
  });
});
