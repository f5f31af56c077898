import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { minimalSubmission } from "./helpers/minimal.js";
import { PROJECT_ROOT, testdir } from "./helpers/testdir.js";

const SCHEMAS = path.join(PROJECT_ROOT, "schemas");
const AJV = path.join(PROJECT_ROOT, "node_modules/ajv-cli/dist/index.js");
const names = fs.readdirSync(SCHEMAS).filter((n) => n.endsWith(".schema.json"));
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, name), "utf8"));

/** Runs ajv-cli, as someone outside cse would, on the shipped schemas. */
function ajv(args: string[]): { status: number; output: string } {
  const refs = names.filter((n) => n === "common.schema.json").flatMap((n) => ["-r", path.join(SCHEMAS, n)]);
  const r = spawnSync(process.execPath, [AJV, ...args, "--spec=draft2020", ...refs], { encoding: "utf8" });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

/** Every `$ref` in a schema. */
function refsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, out));
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node))
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsOf(v, out);
  return out;
}

/** The part of a schema a JSON pointer fragment names, or undefined. */
function follow(schema: unknown, fragment: string): unknown {
  return fragment
    .replace(/^\//, "")
    .split("/")
    .filter(Boolean)
    .reduce<unknown>((node, seg) => (node as Record<string, unknown> | undefined)?.[seg], schema);
}

describe("the published JSON Schemas", () => {
  it("each has a stable $id, all under one base, named after its file", () => {
    for (const name of names) expect(read(name).$id).toBe(`https://cse.invalid/schemas/v2/${name}`);
  });

  it("every $ref resolves both by $id and by relative file path (as editors resolve it)", () => {
    const byId = new Map(names.map((n) => [read(n).$id as string, read(n)]));
    for (const name of names) {
      const schema = read(name);
      for (const ref of refsOf(schema)) {
        const [, fragment = ""] = ref.split("#");
        const viaId = new URL(ref, schema.$id);
        const target = byId.get(`${viaId.origin}${viaId.pathname}`);
        expect(target, `${name}: ${ref} by $id`).toBeDefined();
        expect(follow(target, fragment), `${name}: ${ref} by $id`).toBeDefined();
        const viaFile = new URL(ref, pathToFileURL(path.join(SCHEMAS, name)));
        const file = decodeURIComponent(viaFile.pathname);
        expect(fs.existsSync(file), `${name}: ${ref} by file`).toBe(true);
        expect(
          follow(JSON.parse(fs.readFileSync(file, "utf8")), fragment),
          `${name}: ${ref} by file`,
        ).toBeDefined();
      }
    }
  });

  it("ajv-cli compiles every one as shipped, with the formats", () => {
    const all = names.filter((n) => n !== "common.schema.json").flatMap((n) => ["-s", path.join(SCHEMAS, n)]);
    const r = ajv(["compile", "-c", "ajv-formats", ...all]);
    expect(r.output.match(/ is valid/g)).toHaveLength(names.length - 1);
    expect(r.status, r.output).toBe(0);
  });

  it("ajv-cli, ignoring formats, accepts a valid item and still refuses a date written 12/03/2024", () => {
    // As JSON: ajv-cli reads YAML by the old 1.1 rules, which turn an unquoted date into a timestamp.
    const evidence = parse(minimalSubmission()["evidence/E001.yaml"]!) as Record<string, unknown>;
    const dir = testdir({
      "good.json": JSON.stringify(evidence),
      "bad.json": JSON.stringify({ ...evidence, date: "12/03/2024" }),
    });
    const schema = path.join(SCHEMAS, "evidence.schema.json");
    const r = ajv([
      "validate",
      "--strict=false",
      "-s",
      schema,
      "-d",
      path.join(dir, "good.json"),
      "-d",
      path.join(dir, "bad.json"),
    ]);
    expect(r.output).toMatch(/good\.json valid/);
    expect(r.output).toMatch(/bad\.json invalid[^]*instancePath: '\/date'[^]*must match pattern/);
    expect(r.status).not.toBe(0);
  });
});
