import { yamlLib } from "../load/yaml-lib.js";
import type { Diagnostic } from "../diagnostic.js";
import type { DataPath } from "../load/positions.js";
import { locate, positionOf, sourceOf } from "../load/positions.js";
import type { YamlFile } from "../load/yaml-file.js";
import { didYouMean } from "../util/closest.js";
import type { ErrorObject } from "./validators.js";
import { plural } from "../util/plural.js";

type SchemaNode = Record<string, unknown> & { properties?: Record<string, { description?: string }> };

/** Turns Ajv's errors for one file into diagnostics that name the field and the fix. */
export function schemaDiagnostics(file: YamlFile, errors: readonly ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const typed = new Set(errors.filter((e) => e.keyword === "type").map((e) => e.instancePath));
  for (const e of errors) {
    // `if` only says a branch failed, and `propertyNames` repeats its inner error.
    if (e.keyword === "if" || e.keyword === "propertyNames") continue;
    // A date's `pattern` is there for validators that ignore `format`; cse words the format's error.
    if (e.keyword === "pattern" && e.parentSchema?.format === "date") continue;
    // When a value has the wrong type, its other complaints are noise.
    if (e.keyword !== "type" && typed.has(e.instancePath) && e.propertyName === undefined) continue;
    const path = toPath(file.data, e.instancePath);
    const d = e.propertyName !== undefined ? keyDiagnostic(file, path, e) : valueDiagnostic(file, path, e);
    const id = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(d);
  }
  return out;
}

function keyDiagnostic(file: YamlFile, path: DataPath, e: ErrorObject): Diagnostic {
  const name = e.propertyName!;
  const keyPath = [...path, name];
  const { key } = locate(file, keyPath);
  const src = key?.range ? file.text.slice(key.range[0], key.range[1]) : name;
  const pos = positionOf(file, keyPath, { key: true });
  const numeric = yamlLib().isScalar(key) && typeof key.value === "number";
  const message = numeric
    ? `the key ${src} in ${fieldName(path)} is read by YAML as a number; quote it: "${src}"`
    : `the key "${name}" in ${fieldName(path)} is not a valid id: ` +
      `use letters, digits, ".", "_" and "-", starting with a letter or digit`;
  return { file: file.file, ...pos, severity: "error", code: "schema", message };
}

function valueDiagnostic(file: YamlFile, path: DataPath, e: ErrorObject): Diagnostic {
  const parent = (e.parentSchema ?? {}) as SchemaNode;
  const field = fieldName(path);
  const value = e.data;
  const base = { file: file.file, severity: "error" as const, code: "schema" as const };
  switch (e.keyword) {
    case "required": {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      const desc = parent.properties?.[missing]?.description;
      const where = path.length ? ` in ${field}` : "";
      return {
        ...base,
        ...positionOf(file, path),
        message: `missing required field \`${missing}\`${where}${desc ? ` (${trimDot(desc)})` : ""}`,
      };
    }
    case "additionalProperties": {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      const hint =
        didYouMean(extra, allowed) || (allowed.length ? ` Allowed fields: ${allowed.join(", ")}.` : "");
      const where = path.length ? ` in ${field}` : "";
      return {
        ...base,
        ...positionOf(file, [...path, extra], { key: true }),
        message: `unknown field \`${extra}\`${where}.${hint}`,
      };
    }
    case "type":
      return { ...base, ...positionOf(file, path), message: typeMessage(file, path, field, parent, value) };
    case "enum": {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const hint = typeof value === "string" ? didYouMean(value, allowed, 1) : "";
      return {
        ...base,
        ...positionOf(file, path),
        message: `${field} must be one of ${allowed.join(", ")}; found ${show(value)}.${hint}`,
      };
    }
    case "format": {
      if (parent.format === "date") {
        if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
          return {
            ...base,
            code: "invalid-date",
            ...positionOf(file, path),
            message: `${field} is ${value}, a date that does not exist on the calendar; check the day and the month`,
          };
        }
        return {
          ...base,
          ...positionOf(file, path),
          message: `${field} must be a date written YYYY-MM-DD; found ${show(value)}`,
        };
      }
      return { ...base, ...positionOf(file, path), message: `${field} ${e.message ?? "is not valid"}` };
    }
    case "pattern": {
      const isId = String(parent.pattern).startsWith("^[A-Za-z0-9][A-Za-z0-9._-]*");
      const what = isId
        ? 'an id: letters, digits, ".", "_" and "-", starting with a letter or digit'
        : parent.description
          ? trimDot(String(parent.description))
          : `text matching ${String(parent.pattern)}`;
      const hint = isId && typeof value === "string" ? idHint(value) : "";
      return {
        ...base,
        ...positionOf(file, path),
        message: `${field} must be ${what}; found ${show(value)}${hint}`,
      };
    }
    case "minItems": {
      const n = Number((e.params as { limit: number }).limit);
      return {
        ...base,
        ...positionOf(file, path),
        message: `${field} needs at least ${plural(n, "entry", "entries")}`,
      };
    }
    case "minLength":
      return { ...base, ...positionOf(file, path), message: `${field} must not be empty` };
    case "minimum":
      return {
        ...base,
        ...positionOf(file, path),
        message: `${field} must be at least ${String((e.params as { limit: number }).limit)}; found ${show(value)}`,
      };
    case "uniqueItems": {
      const j = Number((e.params as { j: number }).j);
      return {
        ...base,
        ...positionOf(file, [...path, j]),
        message: `${field} lists ${show(Array.isArray(value) ? value[j] : value)} more than once; keep one`,
      };
    }
    default:
      return { ...base, ...positionOf(file, path), message: `${field} ${e.message ?? "is not valid"}` };
  }
}

function typeMessage(
  file: YamlFile,
  path: DataPath,
  field: string,
  parent: SchemaNode,
  value: unknown,
): string {
  const expected = String((parent.type as string | undefined) ?? "");
  if (path.length === 0) {
    // Name the fields this kind of file needs, so the fix is plain whatever the file is.
    const needs =
      Array.isArray(parent.required) && parent.required.length
        ? ` with ${(parent.required as string[]).map((f) => `\`${f}:\``).join(", ")}`
        : "";
    return value === null
      ? `the file is empty; it must be a mapping of fields${needs}`
      : `the file must be a mapping of fields${needs}, not ${describe(value)}`;
  }
  const wanted = parent.format === "date" ? "a date written YYYY-MM-DD" : (EXPECTED[expected] ?? expected);
  if (value === null) return `${field} is empty; it must be ${wanted}`;
  if (expected === "string" && (typeof value === "number" || typeof value === "boolean")) {
    const src = sourceOf(file, path) ?? String(value);
    return (
      `${field} must be ${wanted}, ` +
      `but YAML reads ${src} as ${typeof value === "number" ? "a number" : "true/false"}; quote it: "${src}"`
    );
  }
  return `${field} must be ${wanted}, not ${describe(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: "text",
  object: "a mapping of fields",
  array: "a list",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
};

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "empty";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return `a number (${value})`;
  if (typeof value === "boolean") return `true/false (${value})`;
  return `text (${show(value)})`;
}

function show(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Why text is not an id, when it is one of the usual slips: curly quotes, a name, a dash without its space. */
function idHint(value: string): string {
  if (/[\u201c\u201d\u2018\u2019]/.test(value))
    return `. The curly quotes (“ ”) are part of the text to YAML: type straight quotes (") or none`;
  if (/^-\S/.test(value)) return `. A list item needs a space after the dash: \`- ${value.slice(1)}\``;
  if (/\s/.test(value.trim())) {
    const id = value.trim().toLowerCase().replace(/\s+/g, "-");
    return `. An id has no spaces: write the id (such as \`${id}\`), not the name`;
  }
  return "";
}

function trimDot(s: string): string {
  return s.replace(/\.$/, "");
}

/** A readable name for a data path: `elements[0].element`, or `the file` for the root. */
export function fieldName(path: DataPath): string {
  if (path.length === 0) return "the file";
  let s = "";
  for (const seg of path) {
    if (typeof seg === "number") s += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(seg)) s += s ? `.${seg}` : seg;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return `\`${s}\``;
}

/** Converts an Ajv instance path (a JSON pointer) to a data path, with numbers for array indexes. */
export function toPath(data: unknown, pointer: string): DataPath {
  if (pointer === "") return [];
  const out: (string | number)[] = [];
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(cur)) {
      const i = Number(seg);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(seg);
      cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}
