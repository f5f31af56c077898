import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readSchema, schemaFileNames } from "../src/schema/schemas.js";
import { PROJECT_ROOT } from "./helpers/testdir.js";

// The JSON Schemas are the source of truth; src/model/raw-types.ts must say the same thing.
type Json = Record<string, any>;

const source = ts.createSourceFile(
  "raw-types.ts",
  fs.readFileSync(path.join(PROJECT_ROOT, "src/model/raw-types.ts"), "utf8"),
  ts.ScriptTarget.Latest,
  true,
);
const interfaces = new Map<string, Map<string, boolean>>();
const unions = new Map<string, string[]>();
/** Interfaces by name with the names of those they extend, whose properties they take in after. */
const bases = new Map<string, string[]>();
source.forEachChild((node) => {
  if (ts.isInterfaceDeclaration(node)) {
    const props = new Map<string, boolean>();
    for (const m of node.members)
      if (ts.isPropertySignature(m)) props.set(m.name.getText(source), m.questionToken === undefined);
    interfaces.set(node.name.text, props);
    const heritage = node.heritageClauses?.flatMap((c) => c.types.map((t) => t.expression.getText(source)));
    if (heritage?.length) bases.set(node.name.text, heritage);
  }
  if (ts.isTypeAliasDeclaration(node) && ts.isUnionTypeNode(node.type)) {
    unions.set(
      node.name.text,
      node.type.types.filter(ts.isLiteralTypeNode).map((t) => (t.literal as ts.StringLiteral).text),
    );
  }
});
for (const [name, extended] of bases) {
  const props = interfaces.get(name)!;
  for (const base of extended)
    for (const [k, v] of interfaces.get(base) ?? []) if (!props.has(k)) props.set(k, v);
}

/** Resolves a local or common.schema.json `$ref`, returning the node and the file it lives in. */
function resolve(node: Json, file: Json): [Json, Json] {
  if (!node.$ref) return [node, file];
  const [doc, pointer] = String(node.$ref).split("#");
  const base = doc ? readSchema(doc) : file;
  let cur: Json = base;
  for (const seg of pointer!.split("/").filter(Boolean)) cur = cur[seg];
  const [inner, innerFile] = resolve(cur, base);
  return [{ ...inner, ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== "$ref")) }, innerFile];
}

function deref(node: Json, file: Json): Json {
  return resolve(node, file)[0];
}

function at(schema: Json, ...keys: string[]): Json {
  let cur = schema;
  for (const k of keys) cur = deref(cur[k], schema);
  return cur;
}

const PAIRS: [string, (s: Json) => Json, string][] = [
  ["cse.schema.json", (s) => s, "RawConfig"],
  ["cse.schema.json", (s) => at(s, "properties", "assessment"), "RawAssessmentVisit"],
  ["cse.schema.json", (s) => at(s, "properties", "sections", "items"), "RawSection"],
  ["cse.schema.json", (s) => at(s, "properties", "people", "items"), "RawPerson"],
  ["cse.schema.json", (s) => at(s, "properties", "rules"), "RawRules"],
  ["cse.schema.json", (s) => at(s, "properties", "customers", "items"), "RawCustomer"],
  ["cse.schema.json", (s) => at(s, "properties", "document"), "RawDocumentControl"],
  ["cse.schema.json", (s) => at(s, "properties", "build"), "RawBuild"],
  ["standard.schema.json", (s) => s, "RawStandard"],
  ["standard.schema.json", (s) => at(s, "properties", "ratings", "items"), "RawRating"],
  ["criterion.schema.json", (s) => s, "RawCriterion"],
  ["criterion.schema.json", (s) => at(s, "properties", "subcriteria", "items"), "RawSubcriterion"],
  [
    "criterion.schema.json",
    (s) => at(s, "properties", "subcriteria", "items", "properties", "elements", "items"),
    "RawElement",
  ],
  ["evidence.schema.json", (s) => s, "RawEvidence"],
  ["case-study.schema.json", (s) => s, "RawCaseStudy"],
  ["assessment.schema.json", (s) => s, "RawAssessmentFile"],
  [
    "assessment.schema.json",
    (s) => at(s, "properties", "elements", "additionalProperties"),
    "RawSelfAssessment",
  ],
  [
    "assessment.schema.json",
    (s) => at(s, "properties", "elements", "additionalProperties", "properties", "actions", "items"),
    "RawAction",
  ],
  ["finding.schema.json", (s) => s, "RawFinding"],
  ["finding.schema.json", (s) => at(s, "properties", "results", "additionalProperties"), "RawFindingResult"],
  ["service-standard.schema.json", (s) => s, "RawServiceStandard"],
  ["service-standard.schema.json", (s) => at(s, "properties", "target"), "RawTarget"],
  ["service-standard.schema.json", (s) => at(s, "properties", "results", "items"), "RawResult"],
];

describe("the TypeScript types match the JSON Schemas", () => {
  it.each(PAIRS)("%s → %s", (file, pick, name) => {
    const schema = pick(readSchema(file));
    const props = interfaces.get(name);
    expect(props, `interface ${name}`).toBeDefined();
    const required = new Set<string>(schema.required ?? []);
    const fromSchema = Object.keys(schema.properties)
      .sort()
      .map((k) => [k, required.has(k)]);
    const fromTypes = [...props!.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(fromTypes).toEqual(fromSchema);
    expect(schema.additionalProperties).toBe(false);
  });

  it("enumerations agree", () => {
    expect(unions.get("AccessKind")).toEqual((readSchema("common.schema.json") as Json).$defs.access.enum);
    expect(unions.get("EvidenceType")).toEqual(
      (readSchema("evidence.schema.json") as Json).properties.type.enum,
    );
    expect(unions.get("AssessmentKind")).toEqual(
      (readSchema("finding.schema.json") as Json).properties.kind.enum,
    );
    expect(unions.get("AssessmentKind")).toEqual(
      (readSchema("cse.schema.json") as Json).properties.assessment.properties.kind.enum,
    );
  });
});

describe("the JSON Schemas help editors", () => {
  it("give every property a description", () => {
    const missing: string[] = [];
    const walk = (node: Json, file: Json, where: string, depth = 0) => {
      if (!node || typeof node !== "object" || depth > 12) return;
      const [n, base] = resolve(node, file);
      for (const [k, v] of Object.entries<Json>(n.properties ?? {})) {
        if (!deref(v, base).description) missing.push(`${where}.${k}`);
        walk(v, base, `${where}.${k}`, depth + 1);
      }
      for (const key of ["items", "additionalProperties", "then", "else"])
        if (n[key] && typeof n[key] === "object") walk(n[key], base, `${where}[]`, depth + 1);
    };
    for (const name of schemaFileNames()) {
      const s = readSchema(name) as Json;
      walk(s, s, name);
      for (const [k, v] of Object.entries<Json>(s.$defs ?? {})) walk(v, s, `${name}#${k}`);
    }
    expect(missing).toEqual([]);
  });

  it("every sample YAML file names its schema in a first line that resolves", () => {
    const files = fs
      .readdirSync(PROJECT_ROOT, { recursive: true, encoding: "utf8" })
      .filter(
        (f) => /\.ya?ml$/.test(f) && /^(cse\.yaml|criteria|evidence|assessment|service-standards)/.test(f),
      );
    expect(files.length).toBeGreaterThan(70);
    for (const f of files) {
      const first = fs.readFileSync(path.join(PROJECT_ROOT, f), "utf8").split("\n")[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f).not.toBeNull();
      expect(fs.existsSync(path.resolve(path.dirname(path.join(PROJECT_ROOT, f)), m![1]!)), f).toBe(true);
    }
  });
});
