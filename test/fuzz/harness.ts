import fc from "fast-check";
import { expect } from "vitest";
import { severityOf, type Diagnostic } from "../../src/diagnostic.js";
import { memoryTreeOf, type MemoryTree } from "../helpers/memory-tree.js";
import { PROJECT_ROOT } from "../helpers/testdir.js";
import { applyMutation, mutationArb, type Mutation } from "./mutations.js";

/** Every code FORMAT.md lists; a diagnostic with any other is a bug. */
export const KNOWN_CODES = new Set([
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
]);

/** The as-of date the sample is checked at (before its visit, after its evidence). */
export const SAMPLE_AS_OF = "2027-01-15";

let sample: MemoryTree | null = null;

/** The sample submission, read into memory once. */
export function sampleTree(): MemoryTree {
  sample ??= memoryTreeOf(PROJECT_ROOT, ["cse.yaml", "criteria", "evidence", "assessment", "docs"]);
  return sample;
}

/** Cases of the main property (the mutated sample) in npm test; the others are set beside it. */
export const MAIN_RUNS = 100;

/**
 * How many cases a property runs, and from which seed. `npm run fuzz` sets CSE_FUZZ_RUNS (the
 * main property's count; the others keep their proportion to MAIN_RUNS, so the slow PDF property
 * stays small) and CSE_FUZZ_SEED. npm test runs the defaults: about 1,200 cases in all, most of
 * them the cheap any-bytes parser property.
 */
export function fuzzParameters(defaultRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.CSE_FUZZ_SEED ?? 20_270_115);
  return { numRuns: runsFor(defaultRuns), seed, endOnFailure: true };
}

/** A test timeout that grows with the number of cases: generous, since a busy machine is slow. */
export function fuzzTimeout(defaultRuns: number): number {
  return Math.max(300_000, runsFor(defaultRuns) * 2000);
}

function runsFor(defaultRuns: number): number {
  const main = Number(process.env.CSE_FUZZ_RUNS);
  return Number.isInteger(main) && main > 0
    ? Math.max(1, Math.round((main * defaultRuns) / MAIN_RUNS))
    : defaultRuns;
}

/** One edit of a submission: mutations of one existing file, a new file, or a removal. */
export type Edit =
  | { kind: "mutate"; file: number; mutations: Mutation[] }
  | { kind: "add"; dir: string; name: string; base: number; mutations: Mutation[] }
  | { kind: "remove"; file: number };

const YAML_DIRS = [
  "evidence",
  "evidence/case-studies",
  "evidence/x/y",
  "assessment",
  "assessment/findings",
  "criteria",
];

/** One to three edits, mostly mutations of existing YAML files. */
export const editsArb: fc.Arbitrary<Edit[]> = fc.array(
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant("mutate" as const),
        file: fc.nat(),
        mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("add" as const),
        dir: fc.constantFrom(...YAML_DIRS),
        name: fc.constantFrom("new.yaml", "New.YML", "z.yaml", "a.yml"),
        base: fc.nat(),
        mutations: fc.array(mutationArb, { maxLength: 2 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), file: fc.nat() }) },
  ),
  { minLength: 1, maxLength: 3 },
);

/** Applies edits to a tree. cse.yaml is never removed: without it there is no submission. */
export function applyEdits(tree: MemoryTree, edits: Edit[]): MemoryTree {
  const yamlFiles = [...tree.files.keys()].filter((f) => /\.ya?ml$/.test(f)).sort();
  const changes: Record<string, Uint8Array | null> = {};
  const current = (file: string) =>
    (file in changes ? changes[file] : tree.files.get(file)) ?? new Uint8Array(0);
  for (const e of edits) {
    if (e.kind === "mutate") {
      // cse.yaml and the standard are few but matter most: give them a fair share.
      const file =
        e.file % 5 === 0
          ? "cse.yaml"
          : e.file % 5 === 1
            ? "criteria/standard.yaml"
            : yamlFiles[e.file % yamlFiles.length]!;
      changes[file] = e.mutations.reduce(applyMutation, current(file));
    } else if (e.kind === "add") {
      const base = current(yamlFiles[e.base % yamlFiles.length]!);
      changes[`${e.dir}/${e.name}`] = e.mutations.reduce(applyMutation, base);
    } else {
      const file = yamlFiles[e.file % yamlFiles.length]!;
      if (file !== "cse.yaml") changes[file] = null;
    }
  }
  return tree.with(changes);
}

const decoder = new TextDecoder("utf-8");

/** Asserts what every diagnostic must be: a known code, its severity, a place inside its file. */
export function expectWellFormed(diagnostics: Diagnostic[], tree: MemoryTree): void {
  for (const d of diagnostics) {
    expect(KNOWN_CODES.has(d.code), `unknown code ${d.code}`).toBe(true);
    expect(d.severity).toBe(severityOf(d.code));
    expect(typeof d.message === "string" && d.message.length > 0).toBe(true);
    expect(d.message, "a message must not carry a stack trace").not.toMatch(/\n\s+at /);
    expect(Number.isInteger(d.line) && d.line >= 1, `line ${d.line}`).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, `column ${d.column}`).toBe(true);
    const bytes = tree.files.get(d.file);
    if (!bytes) {
      // Only a folder (a missing standard folder, say) may be named without being a file.
      expect(
        tree.stat(d.file).kind === "dir" || (d.line === 1 && d.column === 1),
        `${d.file} is not in the tree`,
      ).toBe(true);
      continue;
    }
    let text = decoder.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const lines = text.split("\n");
    expect(d.line, `${d.file}: line ${d.line} of ${lines.length}`).toBeLessThanOrEqual(lines.length);
    const length = lines[d.line - 1]!.length;
    expect(d.column, `${d.file}:${d.line}: column ${d.column} of ${length}`).toBeLessThanOrEqual(length + 1);
  }
}

/** Describes a failing case briefly (fast-check prints the edits themselves). */
export function describeEdits(edits: Edit[]): string {
  return edits
    .map((e) =>
      e.kind === "remove"
        ? `remove #${e.file}`
        : `${e.kind} ${e.kind === "add" ? e.dir : `#${e.file}`}: ${e.mutations.map((m) => m.kind).join(", ")}`,
    )
    .join("; ");
}
