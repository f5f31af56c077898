import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse, spawnCse } from "./helpers/run-cli.js";
import { copySample, testdir } from "./helpers/testdir.js";
import { sampleBuildLine } from "./helpers/sample-counts.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1799539200" }; // 2027-01-10, after every date in the sample
const read = (dir: string, file = "out/submission.html") => fs.readFileSync(path.join(dir, file), "utf8");

/** The build's pre-flight lines: elements claimed as meeting the standard without enough evidence (the sample has some). */
const PREFLIGHT_ONLY =
  /^(cse build: \d+ elements? (is|are) claimed as meeting the standard without enough evidence:\n( {2}\S+ +.+\n)+)?$/;

// The sample is built once, in-process, and the tests read that build; the others build
// beside it (another --out), so each sample build in this file is one a test needs.
let sample: string;
let built: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  sample = copySample(true);
  built = await runCse(["build", "--format", "html"], { cwd: sample, env: EPOCH });
}, 120_000);

describe("cse build --format html", () => {
  it("writes the sample's pack and says what it wrote", () => {
    expect(built.stderr).toMatch(PREFLIGHT_ONLY);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^Wrote out\/submission\.html \(\d+ KiB\)\n/);
    expect(built.stdout.split("\n")[1]).toBe(sampleBuildLine());
    const html = read(sample);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain("Croeso i Dŷ’r Llyfrgell"); // Welsh from the introduction, intact (the apostrophe set as ’)
    expect(html).toContain("<p>Built by cse ");
    expect(html).toContain("10 January 2027");
  });

  it("gives byte-identical files for the same input and SOURCE_DATE_EPOCH, from the real binary too", () => {
    // A second build of the same input, by the compiled binary in a process of its own.
    const spawned = spawnCse(["build", "--format", "html", "--out", "spawned"], { cwd: sample, env: EPOCH });
    expect(spawned.stderr).toMatch(PREFLIGHT_ONLY);
    expect(spawned.code).toBe(0);
    expect(
      fs
        .readFileSync(path.join(sample, "spawned/submission.html"))
        .equals(fs.readFileSync(path.join(sample, "out/submission.html"))),
    ).toBe(true);
  });

  it("leaves drafts out, and puts them in with --include-drafts", async () => {
    const without = read(sample);
    expect(without).not.toContain('id="ev-E025"');
    expect(without).not.toContain("Joint referral protocol");
    const r = await runCse(["build", "--format", "html", "--include-drafts", "--out", "drafts"], {
      cwd: sample,
      env: EPOCH,
    });
    expect(r.stdout).toContain("64 evidence items, 8 case studies; drafts included.");
    const html = read(sample, "drafts/submission.html");
    expect(html).toContain('id="ev-E025"');
    expect(html).toContain("This pack includes draft evidence");
  });

  it("refuses a submission with validation errors and leaves the earlier pack untouched", async () => {
    const dir = testdir({});
    fs.cpSync(sample, dir, { recursive: true, filter: (src) => !/[/\\](spawned|drafts)$/.test(src) });
    const before = fs.readFileSync(path.join(dir, "out/submission.html"));
    fs.writeFileSync(
      path.join(dir, "evidence/corporate/E001-customer-profile-report.yaml"),
      "id: E001\ntitle: Broken\n",
    );
    const r = await runCse(["build", "--format", "html"], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("evidence/corporate/E001-customer-profile-report.yaml");
    expect(r.stderr).toMatch(/schema/);
    expect(r.stderr).toContain("cse build: refusing to build");
    expect(fs.readFileSync(path.join(dir, "out/submission.html")).equals(before)).toBe(true);
    expect(fs.readdirSync(path.join(dir, "out"))).toEqual(["submission.html"]);
  });

  it.each([".", "criteria", "evidence", "evidence/corporate", "assessment"])(
    "refuses --out %s (exit 2) and writes nothing",
    async (out) => {
      const dir = testdir(minimalSubmission());
      const r = await runCse(["build", "--format", "html", "--out", out], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--out points (at the submission's root|inside)/);
      expect(fs.existsSync(path.join(dir, out, "submission.html"))).toBe(false);
    },
  );

  it("rejects a SOURCE_DATE_EPOCH that is not a number of seconds", async () => {
    const r = await runCse(["build", "--format", "html"], {
      cwd: testdir(minimalSubmission()),
      env: { SOURCE_DATE_EPOCH: "yesterday" },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("SOURCE_DATE_EPOCH must be a whole number");
  });

  it("keeps Welsh letters and other non-ASCII text intact", async () => {
    const files = minimalSubmission();
    files["cse.yaml"] = files["cse.yaml"]!.replace(
      "organisation: Test Service",
      "organisation: Gwasanaeth Llyfrgell ŵ ŷ € “quoted”\ntitle: Cais Rhagoriaeth ŵŷ\nbuild:\n  language: cy",
    );
    const dir = testdir(files);
    expect((await runCse(["build", "--format", "html"], { cwd: dir })).code).toBe(0);
    const html = read(dir);
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain("Gwasanaeth Llyfrgell ŵ ŷ € “quoted”");
    expect(html).toContain("<h1>Cais Rhagoriaeth ŵŷ</h1>");
  });
});

describe("the HTML on a phone and on paper", () => {
  it("labels every body cell with its column's header, and marks too-wide tables as cards", async () => {
    const dir = testdir(minimalSubmission());
    expect((await runCse(["build", "--format", "html"], { cwd: dir, env: EPOCH })).code).toBe(0);
    const html = read(dir);
    const tables = [...html.matchAll(/<table( class="cards")?>([\s\S]*?)<\/table>/g)];
    expect(tables.length).toBeGreaterThan(1);
    const kinds = new Set<boolean>();
    for (const [, cards, body] of tables) {
      kinds.add(cards !== undefined);
      const thead = /<thead><tr>(.*?)<\/tr><\/thead>/.exec(body!)![1]!;
      const labels = [...thead.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1]);
      const rows = [...body!.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1);
      expect(rows.length).toBeGreaterThan(0);
      for (const [, row] of rows) {
        const cellLabels = [...row!.matchAll(/<t[hd] [^>]*data-label="([^"]*)"/g)].map((m) => m[1]);
        expect(cellLabels).toEqual(labels);
      }
    }
    // The fixture has a wide table (the evidence index) and narrow ones (the elements by rating).
    expect([...kinds].sort()).toEqual([false, true]);
  });

  it("numbers no contents entry itself (the titles carry the numbers) and prints on A4", async () => {
    const dir = testdir(minimalSubmission());
    expect((await runCse(["build", "--format", "html"], { cwd: dir, env: EPOCH })).code).toBe(0);
    const html = read(dir);
    expect(html).toMatch(/\.contents ol \{\s*list-style: none;/);
    expect(html).toMatch(/@page \{\s*size: A4;/);
    expect(html).toContain('<li><a href="#crit-1">Criterion 1: Customer Insight</a>');
  });
});

describe("template overrides", () => {
  it("a submission's templates/ replaces a built-in template by file name", async () => {
    const dir = testdir({
      ...minimalSubmission(),
      "templates/footer.hbs": '<footer class="colophon"><p>House footer for {{organisation}}</p></footer>\n',
      "templates/styles.css": "body { color: #000000; } /* house style */\n",
      "templates/nested/section.hbs": "ignored: only plain files directly in templates/ count\n",
    });
    expect((await runCse(["build", "--format", "html"], { cwd: dir })).code).toBe(0);
    const html = read(dir);
    expect(html).toContain("<p>House footer for Test Service</p>");
    expect(html).toContain("/* house style */");
    expect(html).not.toContain("Built by cse");
    expect(html).not.toContain("ignored: only plain files");
  });

  it("a template that cannot be parsed stops the build (exit 1) naming the file", async () => {
    const dir = testdir({
      ...minimalSubmission(),
      "templates/cover.hbs": "<header>{{#if title}}unclosed</header>\n",
    });
    const r = await runCse(["build", "--format", "html"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("templates/cover.hbs");
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("a template cannot reach object prototypes", async () => {
    const dir = testdir({
      ...minimalSubmission(),
      "templates/footer.hbs":
        '<footer><p>[{{constructor.name}}][{{title.constructor}}][{{lookup this "__proto__"}}]</p></footer>',
    });
    expect((await runCse(["build", "--format", "html"], { cwd: dir })).code).toBe(0);
    expect(read(dir)).toContain("<footer><p>[][][]</p></footer>");
  });
});
