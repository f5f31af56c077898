import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostic.js";
import { parseYamlFile } from "../../src/load/yaml-file.js";
import { readSubmission } from "../../src/model/read-submission.js";
import { formatDiagnosticsGithub } from "../../src/output/diagnostics-github.js";
import { formatDiagnosticsJson } from "../../src/output/diagnostics-json.js";
import { formatDiagnosticsText } from "../../src/output/diagnostics-text.js";
import type { DiagnosticsReport } from "../../src/output/diagnostics-report.js";
import { MemoryTree } from "../helpers/memory-tree.js";
import {
  applyEdits,
  editsArb,
  expectWellFormed,
  fuzzParameters,
  MAIN_RUNS,
  fuzzTimeout,
  SAMPLE_AS_OF,
  sampleTree,
} from "./harness.js";
import { applyMutation, mutationArb } from "./mutations.js";

// Property tests: whatever happens to a submission's files, reading it ends in diagnostics with a
// known code and a real place, never in a thrown error. `npm run fuzz` runs many more cases.

describe("fuzzing the loader and the checks with a mutated sample submission", () => {
  it("the unmutated sample reads cleanly (so mutations are what the properties exercise)", () => {
    const r = readSubmission(sampleTree(), { asOf: SAMPLE_AS_OF });
    expect(r.diagnostics).toEqual([]);
  });

  it(
    "never throws, and every diagnostic has a known code and a place inside its file",
    () => {
      fc.assert(
        fc.property(editsArb, (edits) => {
          const tree = applyEdits(sampleTree(), edits);
          const r = readSubmission(tree, { asOf: SAMPLE_AS_OF });
          expectWellFormed(r.diagnostics, tree);
          expect(r.errorCount + r.warningCount).toBe(r.diagnostics.length);
          const report: DiagnosticsReport = {
            root: tree.root,
            ...r,
            counted: { files: 1, elements: 1, evidence: 1, caseStudies: 1 },
          };
          expect(JSON.parse(formatDiagnosticsJson(report, { color: false })).diagnostics).toHaveLength(
            r.diagnostics.length,
          );
          expect(formatDiagnosticsText(report, { color: true })).toContain(
            r.diagnostics.length ? "problem" : "No problems",
          );
          // A workflow command must stay on one line, whatever the message holds.
          for (const line of formatDiagnosticsGithub(report, { color: false }).trimEnd().split("\n"))
            if (line) expect(line).toMatch(/^::(error|warning) /);
        }),
        fuzzParameters(MAIN_RUNS),
      );
    },
    fuzzTimeout(MAIN_RUNS),
  );

  it(
    "a mutated standard or cse.yaml alone never throws either",
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(
            "cse.yaml",
            "criteria/standard.yaml",
            "criteria/1-customer-insight.yaml",
            "assessment/findings/2026-03-initial.yaml",
            "assessment/criterion-4.yaml",
          ),
          fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
          (file, mutations) => {
            const base = sampleTree();
            const bytes = base.files.get(file) ?? base.files.get("cse.yaml")!;
            const tree = base.with({ [file]: mutations.reduce(applyMutation, bytes) });
            const r = readSubmission(tree, { asOf: SAMPLE_AS_OF });
            expectWellFormed(r.diagnostics, tree);
          },
        ),
        fuzzParameters(40),
      );
    },
    fuzzTimeout(40),
  );

  it(
    "any bytes at all parse to data or to diagnostics placed inside the file",
    () => {
      const yamlish = fc
        .array(
          fc.oneof(
            fc.constantFrom(
              "a",
              ":",
              " ",
              "-",
              "\n",
              "\r\n",
              "\t",
              "[",
              "]",
              "{",
              "}",
              "'",
              '"',
              "&x",
              "*x",
              "#",
              "|",
              "?",
              "\ufeff",
            ),
            fc.string({ maxLength: 3 }),
          ),
          { maxLength: 200 },
        )
        .map((parts) => new TextEncoder().encode(parts.join("")));
      fc.assert(
        fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), yamlish), (bytes) => {
          const out: Diagnostic[] = [];
          const file = parseYamlFile("evidence/x.yaml", bytes, out);
          expect(file.ok || out.length > 0).toBe(true);
          expectWellFormed(out, new MemoryTree(new Map([["evidence/x.yaml", bytes]])));
        }),
        fuzzParameters(1000),
      );
    },
    fuzzTimeout(100),
  );
});
