import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";
import type { Section } from "../src/pack/document-model.js";
import { MAX_TEMPLATE_STEPS, STEPS_PER_SECTION, templateBudget } from "../src/render/html/template-budget.js";

// A 215-byte override of six nested loops once took longer than anyone would wait. The
// templates' work is counted (each turn of a loop, each use of a partial) and bounded.

const nested = (depth: number, loop: string) =>
  `${`{{#each ${loop}}}`.repeat(depth)}x${"{{/each}}".repeat(depth)}`;

async function build(templates: Record<string, string>) {
  const dir = testdir({
    ...minimalSubmission(),
    ...Object.fromEntries(Object.entries(templates).map(([k, v]) => [`templates/${k}`, v])),
  });
  return runCse(["build", "--format", "html"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1800000000" } });
}

describe("a template that does too much work", () => {
  it("is refused with a message naming it, after a bounded number of steps", async () => {
    const r = await build({ "footer.hbs": nested(7, "@root") });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("templates/footer.hbs repeats its work more than 1,000,000 times");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the partial at fault when partials double each other's work", async () => {
    const chain: Record<string, string> = { "footer.hbs": "{{> p1}}{{> p1}}", "p22.hbs": "x" };
    for (let i = 1; i < 22; i++) chain[`p${i}.hbs`] = `{{> p${i + 1}}}{{> p${i + 1}}}`;
    const r = await build(chain);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/templates\/p\d+\.hbs repeats its work/);
  });

  it("while a few nested loops build as before", async () => {
    const r = await build({ "footer.hbs": nested(2, "@root") });
    expect(r.code, r.stderr).toBe(0);
  });
});

describe("the budget grows with the pack, not with the templates", () => {
  const section = (children: Section[] = []): Section => ({ children }) as unknown as Section; // only the tree's shape is counted
  it("is a million steps for a small pack and 1,000 per section for a large one", () => {
    expect(templateBudget({ sections: [section([section()])] })).toBe(MAX_TEMPLATE_STEPS);
    // 40 parts of 100 sections each, as 4,000 evidence items would be: 4,040 sections.
    const big = Array.from({ length: 40 }, () => section(Array.from({ length: 100 }, () => section())));
    expect(templateBudget({ sections: big })).toBe(4_040 * STEPS_PER_SECTION);
  });
});
