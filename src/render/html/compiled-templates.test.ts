import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, testdir } from "../../../test/helpers/testdir.js";
import { compiledBefore, compileTemplate, prebuiltTemplatesModule } from "./compiled-templates.js";
import { TEMPLATE_FILE } from "./template-set.js";

type Spec = Parameters<typeof Handlebars.template>[0];

async function importEntries(file: string): Promise<Map<string, Spec>> {
  return new Map(((await import(pathToFileURL(file).href)) as { default: [string, Spec][] }).default);
}

describe("templates compiled when cse is built", () => {
  it("render, bound to any Handlebars instance, what compiling their text at run time renders", async () => {
    const files = new Map([
      ["greeting.hbs", "Hello {{name}}!\n"],
      ["list.hbs", '{{#each xs}}<li class="{{#if @first}}first{{/if}}">{{this}}</li>{{/each}}'],
      ["styles.css", "body { color: red }"],
    ]);
    const dir = testdir({ "prebuilt.mjs": prebuiltTemplatesModule(Handlebars, files) });
    const entries = await importEntries(path.join(dir, "prebuilt.mjs"));
    // Each template by its text as it is and without its last line break; no stylesheet.
    expect([...entries.keys()].sort()).toEqual(
      ["Hello {{name}}!\n", "Hello {{name}}!", files.get("list.hbs")!].sort(),
    );
    const context = { name: "Ann <Lee>", xs: ["a", "b&c"] };
    for (const [text, spec] of entries) {
      const expected = Handlebars.compile(text, { preventIndent: true })(context);
      expect(Handlebars.create().template(spec)(context)).toBe(expected);
    }
    expect(Handlebars.create().template(entries.get("Hello {{name}}!")!)(context)).toBe(
      "Hello Ann &lt;Lee&gt;!",
    );
  });

  it("are in the build for every built-in template, and count as compiled without compiling", async () => {
    // npm test builds first (test/global-setup.ts otherwise); the build writes this module.
    const built = path.join(PROJECT_ROOT, "dist/render/html/prebuilt-templates.js");
    expect(fs.existsSync(built)).toBe(true);
    const entries = await importEntries(built);
    const dir = path.join(PROJECT_ROOT, "templates");
    const names = fs.readdirSync(dir).filter((n) => TEMPLATE_FILE.test(n) && n.endsWith(".hbs"));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      expect(entries.has(text), name).toBe(true);
      expect(entries.has(text.replace(/\r?\n$/, "")), name).toBe(true);
    }
    // The built module finds them there: a fresh process's first look needs no compiling.
    const compiled = (await import(
      pathToFileURL(path.join(PROJECT_ROOT, "dist/render/html/compiled-templates.js")).href
    )) as { compiledBefore(text: string): boolean };
    const layout = fs.readFileSync(path.join(dir, "layout.hbs"), "utf8");
    expect(compiled.compiledBefore(layout)).toBe(true);
    expect(compiled.compiledBefore(`${layout}<!-- changed -->`)).toBe(false);
  });

  it("leave a text not built in, or changed, to be compiled at run time", () => {
    const text = "Edited {{name}} at {{when}}";
    expect(compiledBefore(text)).toBe(false);
    expect(compileTemplate(Handlebars.create(), text)({ name: "x", when: "noon" })).toBe("Edited x at noon");
    expect(compiledBefore(text)).toBe(true);
    expect(compiledBefore(`${text}\n`)).toBe(true);
  });
});
