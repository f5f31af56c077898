import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../test/helpers/testdir.js";
import type { FileKind } from "../load/discover.js";
import { compileValidators } from "./compile-validators.js";
import { schemaDigest } from "./schema-digest.js";
import type { Validators } from "./validators.js";

// The build compiles the validators to standalone code; they must judge every file exactly as
// the validators compiled at run time do. (npm test builds first; run `npm run build` otherwise.)
const compiledFile = path.join(PROJECT_ROOT, "dist/schema/compiled-validators.js");

async function prebuilt(): Promise<Validators> {
  if (!fs.existsSync(compiledFile)) throw new Error(`${compiledFile} is missing: run npm run build first`);
  return ((await import(pathToFileURL(compiledFile).href)) as { byKind: Validators }).byKind;
}

function judge(v: Validators, kind: FileKind, data: unknown): unknown {
  const check = v[kind];
  const ok = check(data);
  return { ok, errors: ok ? null : JSON.parse(JSON.stringify(check.errors)) };
}

const sample = (rel: string): unknown => parse(fs.readFileSync(path.join(PROJECT_ROOT, rel), "utf8"));

const cases: [FileKind, string, unknown][] = [
  ["cse", "sample cse.yaml", sample("cse.yaml")],
  ["standard", "sample standard", sample("criteria/standard.yaml")],
  ["criterion", "sample criterion", sample("criteria/1-customer-insight.yaml")],
  ["evidence", "sample evidence item", sample("evidence/library/E026-library-user-survey-2025.yaml")],
  [
    "case-study",
    "sample case study",
    sample("evidence/case-studies/CS01-silent-study-from-survey-insight.yaml"),
  ],
  ["assessment", "sample self-assessment", sample("assessment/criterion-1.yaml")],
  ["finding", "sample finding", sample("assessment/findings/2026-03-initial.yaml")],
  ["evidence", "empty file", null],
  ["evidence", "a list", [1, 2]],
  [
    "evidence",
    "missing fields, unknown field, bad date, bad id",
    { id: "-x", titel: "T", date: "2014-02-30", type: "memo", elements: [] },
  ],
  [
    "evidence",
    "numbers where text belongs",
    { id: 1.1, title: 3, description: true, type: "report", date: "2014-02-12", elements: [1.1] },
  ],
  [
    "case-study",
    "no narrative, evidence not a list",
    { id: "CS1", title: "T", date: "2020-01-01", summary: "s", evidence: "E1", elements: ["1.1.1"] },
  ],
  [
    "assessment",
    "bad key and action",
    {
      elements: {
        "4.3.2": { rating: "compliance", actions: [{ due: "tomorrow", done: "no" }] },
        "bad key!": {},
      },
    },
  ],
  [
    "cse",
    "rules out of range",
    {
      organisation: "O",
      assessment: { kind: "visit", date: "2015-13-01" },
      sections: [],
      rules: { min_evidence: 0 },
    },
  ],
  ["finding", "results not a mapping", { date: "2014-06-20", kind: "initial", results: [] }],
];

describe("validators compiled at build time", () => {
  const runtime = compileValidators();

  it.each(cases)("agree with run-time compilation: %s, %s", async (kind, what, data) => {
    const built = judge(await prebuilt(), kind, data);
    expect(built).toEqual(judge(runtime, kind, data));
    expect((built as { ok: boolean }).ok).toBe(what.startsWith("sample"));
  });

  it("were compiled from the schemas as they are now", async () => {
    const mod = (await import(pathToFileURL(compiledFile).href)) as { schemaDigest: string };
    expect(mod.schemaDigest, "the schemas changed since the build: run npm run build").toBe(schemaDigest());
  });

  it("cover every file kind", async () => {
    expect(Object.keys(await prebuilt()).sort()).toEqual(Object.keys(runtime).sort());
  });
});
