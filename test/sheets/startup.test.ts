import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { minimalSubmission } from "../helpers/minimal.js";
import { PROJECT_ROOT, testdir } from "../helpers/testdir.js";

const HOOK = `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  process.stderr.write("LOADED " + r.url + "\\n");
  return r;
}
`;

/** The modules a run of the compiled cse resolves, recorded by a module hook. */
function modulesLoaded(args: string[]): string[] {
  const dir = testdir({ "hook.mjs": HOOK });
  // A small submission keeps the run short: the hook slows every import down.
  const submission = testdir(minimalSubmission());
  const hook = pathToFileURL(path.join(dir, "hook.mjs")).href;
  const register = path.join(dir, "register.mjs");
  fs.writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(hook)});\n`);
  const cse = path.join(PROJECT_ROOT, "bin/cse.js");
  const r = spawnSync(process.execPath, ["--import", pathToFileURL(register).href, cse, ...args], {
    cwd: submission,
    encoding: "utf8",
  });
  return r.stderr
    .split("\n")
    .filter((l) => l.startsWith("LOADED "))
    .map((l) => l.slice("LOADED ".length));
}

const SHEET_MODULES = /node_modules\/(exceljs|csv-parse|yauzl|yazl)\/|\/dist\/sheets\//;

describe("spreadsheet libraries load only in import and export", () => {
  it("cse validate loads neither exceljs nor csv-parse nor the sheets wing", () => {
    const loaded = modulesLoaded(["validate"]);
    expect(loaded.some((u) => u.endsWith("/dist/cli/actions/validate.js"))).toBe(true);
    expect(loaded.filter((u) => SHEET_MODULES.test(u))).toEqual([]);
  });

  it("cse import of a CSV loads csv-parse but not exceljs", () => {
    const dir = testdir({ "log.csv": "ID,Title,Element\n" });
    const loaded = modulesLoaded(["import", path.join(dir, "log.csv"), "--dry-run"]);
    expect(loaded.some((u) => u.includes("node_modules/csv-parse/"))).toBe(true);
    expect(loaded.some((u) => u.includes("node_modules/exceljs/"))).toBe(false);
  });
});
