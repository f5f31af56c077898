import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

interface Case {
  /** What the case shows. */
  name: string;
  /** Files to add or replace in the minimal submission (null removes one). */
  files: Record<string, string | null>;
  /** The diagnostic expected (others may accompany it only where `only` is false). */
  expect: { file: string; line: number; column: number; code: string; severity?: string; message?: RegExp };
  only?: boolean;
}

const EVIDENCE = (extra: string) => `id: E009
title: Extra
description: Something.
type: report
date: 2014-06-01
elements: ["1.1.1"]
${extra}`;

// One fixture per code of FORMAT.md's diagnostics table, each asserting file, line, column and code.
const CASES: Case[] = [
  {
    name: "yaml-syntax",
    files: { "evidence/E009.yaml": "id: E009\ntitle: x\n\tdate: 2014-06-01\n" },
    expect: {
      file: "evidence/E009.yaml",
      line: 3,
      column: 1,
      code: "yaml-syntax",
      message: /indented with a tab/,
    },
  },
  {
    name: "duplicate-key",
    files: { "evidence/E009.yaml": EVIDENCE("title: Again\n") },
    expect: {
      file: "evidence/E009.yaml",
      line: 7,
      column: 1,
      code: "duplicate-key",
      message: /`title` appears twice/,
    },
  },
  {
    name: "yaml-limit (aliases)",
    files: {
      "evidence/E009.yaml": `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    },
    expect: { file: "evidence/E009.yaml", line: 2, column: 8, code: "yaml-limit", message: /aliases/ },
  },
  {
    name: "schema (missing field, at the mapping)",
    files: {
      "evidence/E009.yaml": 'id: E009\ntitle: Extra\ntype: report\ndate: 2014-06-01\nelements: ["1.1.1"]\n',
    },
    expect: {
      file: "evidence/E009.yaml",
      line: 1,
      column: 1,
      code: "schema",
      message: /missing required field `description`/,
    },
  },
  {
    name: "schema (misspelt field, at the key)",
    files: { "evidence/E009.yaml": EVIDENCE("descripton: typo\n") },
    expect: {
      file: "evidence/E009.yaml",
      line: 7,
      column: 1,
      code: "schema",
      message: /unknown field `descripton`\. Did you mean `description`\?/,
    },
  },
  {
    name: "schema (unquoted number id)",
    files: {
      "criteria/2.yaml": `id: "2"\ntitle: Culture\nsubcriteria:\n  - id: 2.10\n    title: Leadership\n    elements:\n      - id: "2.1.1"\n        text: Leaders.\n      - id: "2.1.2"\n        text: Policies.\n`,
    },
    expect: { file: "criteria/2.yaml", line: 4, column: 9, code: "schema", message: /quote it: "2\.10"/ },
  },
  {
    name: "invalid-date",
    files: { "evidence/E009.yaml": EVIDENCE("expires: 2014-02-30\n") },
    expect: { file: "evidence/E009.yaml", line: 7, column: 10, code: "invalid-date", message: /2014-02-30/ },
  },
  {
    name: "duplicate-id",
    files: { "evidence/E009.yaml": EVIDENCE("").replace("id: E009", "id: E001") },
    expect: {
      file: "evidence/E009.yaml",
      line: 1,
      column: 5,
      code: "duplicate-id",
      message: /evidence\/E001\.yaml line 1/,
    },
  },
  {
    name: "duplicate-id (elements)",
    files: {
      "criteria/2.yaml": `id: "2"\ntitle: Culture\nsubcriteria:\n  - id: "2.1"\n    title: Leadership\n    elements:\n      - id: "1.1.1"\n        text: Again.\n`,
    },
    expect: {
      file: "criteria/2.yaml",
      line: 7,
      column: 13,
      code: "duplicate-id",
      message: /criteria\/1\.yaml line 7/,
    },
  },
  {
    name: "duplicate-assessment",
    files: { "assessment/more.yaml": `elements:\n  "1.1.1":\n    rating: compliance\n` },
    expect: {
      file: "assessment/self.yaml",
      line: 2,
      column: 3,
      code: "duplicate-assessment",
      message: /assessment\/more\.yaml/,
    },
  },
  {
    name: "unknown-element",
    files: { "evidence/E009.yaml": EVIDENCE("").replace('elements: ["1.1.1"]', 'elements: ["1.1.7"]') },
    expect: {
      file: "evidence/E009.yaml",
      line: 6,
      column: 12,
      code: "unknown-element",
      message: /Did you mean `1\.1\.1`/,
    },
  },
  {
    name: "unknown-evidence",
    files: {
      "evidence/case-studies/CS01.yaml": `id: CS01\ntitle: T\ndate: 2014-09-01\nsummary: S\nnarrative: N\nelements: ["1.2.1"]\nevidence: [E002, E003]\n`,
    },
    expect: {
      file: "evidence/case-studies/CS01.yaml",
      line: 7,
      column: 18,
      code: "unknown-evidence",
      message: /"E003"/,
    },
  },
  {
    name: "unknown-section",
    files: { "evidence/E009.yaml": EVIDENCE("sections: [libary]\n") },
    expect: {
      file: "evidence/E009.yaml",
      line: 7,
      column: 12,
      code: "unknown-section",
      message: /Did you mean `library`/,
    },
  },
  {
    name: "unknown-person",
    files: { "evidence/E009.yaml": EVIDENCE("owner: dan\n") },
    expect: { file: "evidence/E009.yaml", line: 7, column: 8, code: "unknown-person" },
  },
  {
    name: "unknown-rating",
    files: { "assessment/findings/2014.yaml": `date: 2014-03-10\nkind: initial\nunlisted: complaince\n` },
    expect: {
      file: "assessment/findings/2014.yaml",
      line: 3,
      column: 11,
      code: "unknown-rating",
      message: /Did you mean `compliance`/,
    },
  },
  {
    name: "unknown-customer",
    files: {
      "cse.yaml": minimalSubmission()["cse.yaml"] + "customers:\n  - id: students\n    name: Students\n",
      "evidence/E009.yaml": EVIDENCE("customers: [students, studnets]\n"),
    },
    expect: {
      file: "evidence/E009.yaml",
      line: 7,
      column: 23,
      code: "unknown-customer",
      message: /Did you mean `students`/,
    },
  },
  {
    name: "unknown-evidence (an action's evidence)",
    files: {
      "assessment/self.yaml": `elements:\n  "1.2.1":\n    actions:\n      - title: Review\n        done: true\n        done_on: 2015-01-20\n        evidence: [CS01, E007]\n`,
    },
    expect: {
      file: "assessment/self.yaml",
      line: 7,
      column: 26,
      code: "unknown-evidence",
      message: /"E007"/,
    },
  },
  {
    name: "schema (done_on on an action not done)",
    files: {
      "assessment/self.yaml": `elements:\n  "1.2.1":\n    actions:\n      - title: Review\n        done: false\n        done_on: 2015-01-20\n`,
    },
    expect: { file: "assessment/self.yaml", line: 5, column: 15, code: "schema" },
  },
  {
    name: "schema (a language span's braces hold only lang)",
    files: {
      "evidence/E009.yaml": EVIDENCE("").replace(
        "description: Something.",
        "description: Say [hi]{class=x}.",
      ),
    },
    expect: {
      file: "evidence/E009.yaml",
      line: 3,
      column: 14,
      code: "schema",
      message: /only lang=… may be written in the braces, not "class=x"/,
    },
  },
  {
    name: "unknown-person (document control)",
    files: {
      "cse.yaml":
        minimalSubmission()["cse.yaml"] + 'document:\n  version: "1.0"\n  status: final\n  contact: zed\n',
    },
    expect: { file: "cse.yaml", line: 22, column: 12, code: "unknown-person", message: /document\.contact/ },
  },
  {
    name: "missing-file",
    files: { "evidence/E009.yaml": EVIDENCE("files: [report.pdf]\n") },
    expect: {
      file: "evidence/E009.yaml",
      line: 7,
      column: 9,
      code: "missing-file",
      message: /evidence\/report\.pdf/,
    },
  },
  {
    name: "outside-root",
    files: { "evidence/E009.yaml": EVIDENCE("files:\n  - ../../secret.txt\n") },
    expect: { file: "evidence/E009.yaml", line: 8, column: 5, code: "outside-root" },
  },
  {
    name: "outside-root (absolute)",
    files: { "evidence/E009.yaml": EVIDENCE("files: [/etc/passwd]\n") },
    expect: { file: "evidence/E009.yaml", line: 7, column: 9, code: "outside-root" },
  },
  {
    name: "bad-link",
    files: { "evidence/E009.yaml": EVIDENCE("links:\n  - https://ok.example/\n  - javascript:alert(1)\n") },
    expect: { file: "evidence/E009.yaml", line: 9, column: 5, code: "bad-link" },
  },
  {
    name: "future-date",
    files: { "evidence/E009.yaml": EVIDENCE("").replace("date: 2014-06-01", "date: 2015-02-01") },
    expect: { file: "evidence/E009.yaml", line: 5, column: 7, code: "future-date", severity: "warning" },
  },
  {
    name: "over-budget",
    files: { "cse.yaml": minimalSubmission()["cse.yaml"] + "rules:\n  statement_max_words: 4\n" },
    expect: {
      file: "assessment/self.yaml",
      line: 5,
      column: 5,
      code: "over-budget",
      severity: "warning",
      message: /5 words, over the budget of 4/,
    },
  },
  {
    name: "placeholder-text",
    files: {
      "evidence/E009.yaml": EVIDENCE("").replace("description: Something.", "description: TODO say more."),
    },
    expect: { file: "evidence/E009.yaml", line: 3, column: 14, code: "placeholder-text", message: /TODO/ },
  },
  {
    name: "comment-in-text",
    files: { "evidence/E009.yaml": EVIDENCE("").replace("title: Extra", "title: Leaflet #2 for returns") },
    expect: {
      file: "evidence/E009.yaml",
      line: 2,
      column: 16,
      code: "comment-in-text",
      severity: "warning",
      message: /`title: "Leaflet #2 for returns"`/,
    },
  },
  {
    name: "ignored-file",
    files: { "evidence/E010-returns.yaml.txt": EVIDENCE("").replace("E009", "E010") },
    expect: {
      file: "evidence/E010-returns.yaml.txt",
      line: 1,
      column: 1,
      code: "ignored-file",
      severity: "warning",
      message: /Rename it `E010-returns.yaml`/,
    },
  },
  {
    name: "schema-line",
    files: {
      "schemas/evidence.schema.json": "{}",
      "evidence/library/E009.yaml": `# yaml-language-server: $schema=../schemas/evidence.schema.json\n${EVIDENCE("")}`,
    },
    expect: {
      file: "evidence/library/E009.yaml",
      line: 1,
      column: 33,
      code: "schema-line",
      severity: "warning",
      message: /\$schema=\.\.\/\.\.\/schemas\/evidence\.schema\.json/,
    },
  },
];

describe("cse validate: a fixture for each diagnostic code", () => {
  it.each(CASES)("$name", async (c) => {
    const files: Record<string, string> = { ...minimalSubmission() };
    for (const [k, v] of Object.entries(c.files)) {
      if (v === null) delete files[k];
      else files[k] = v;
    }
    const dir = testdir(files);
    const r = await runCse(["validate", "--format", "json", "--as-of", "2015-01-10"], { cwd: dir });
    const out = JSON.parse(r.stdout) as {
      diagnostics: {
        file: string;
        line: number;
        column: number;
        code: string;
        severity: string;
        message: string;
      }[];
    };
    const hit = out.diagnostics.find((d) => d.code === c.expect.code);
    expect(hit, `diagnostics were: ${JSON.stringify(out.diagnostics, null, 1)}`).toBeDefined();
    expect({ file: hit!.file, line: hit!.line, column: hit!.column, code: hit!.code }).toEqual({
      file: c.expect.file,
      line: c.expect.line,
      column: c.expect.column,
      code: c.expect.code,
    });
    expect(hit!.severity).toBe(c.expect.severity ?? "error");
    if (c.expect.message) expect(hit!.message).toMatch(c.expect.message);
    expect(r.code).toBe(hit!.severity === "error" ? 1 : 0);
  });

  it("covers every code of FORMAT.md's table", () => {
    const codes = new Set(CASES.map((c) => c.expect.code));
    expect([...codes].sort()).toEqual(
      [
        "yaml-syntax",
        "duplicate-key",
        "yaml-limit",
        "schema",
        "invalid-date",
        "duplicate-id",
        "duplicate-assessment",
        "unknown-element",
        "unknown-evidence",
        "unknown-section",
        "unknown-person",
        "unknown-rating",
        "unknown-customer",
        "missing-file",
        "outside-root",
        "bad-link",
        "future-date",
        "over-budget",
        "placeholder-text",
        "comment-in-text",
        "ignored-file",
        "schema-line",
      ].sort(),
    );
  });
});
