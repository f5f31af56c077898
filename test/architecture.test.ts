import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./helpers/testdir.js";

// The pipeline, bottom first (docs/development.md describes each folder). A module may import
// from its own folder or from a folder of a lower rank, never from one above or beside it:
// that keeps every arrow pointing down the pipeline, so no two folders can import each other.
// Files directly in src/ (diagnostic.ts) are the floor, beside util/.
const LAYERS: readonly (readonly string[])[] = [
  ["(root)", "util"],
  ["load"],
  ["schema"],
  ["model"],
  ["git"],
  ["analyse"],
  ["inspect"],
  ["pack"],
  ["scaffold"],
  ["sheets"],
  ["render", "output", "completion"],
  ["cli"],
];

const SRC = path.join(PROJECT_ROOT, "src");

interface Import {
  file: string;
  from: string;
  to: string;
}

/** The top-level folder of src/ a path lies in, or "(root)" for a file directly in src/. */
function folderOf(absolute: string): string {
  const parts = path.relative(SRC, absolute).split(path.sep);
  return parts.length === 1 ? "(root)" : parts[0]!;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Every relative import (static, type-only, re-export or dynamic) between folders of src/. */
function crossFolderImports(): Import[] {
  const out: Import[] = [];
  for (const file of sourceFiles(SRC)) {
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const target = path.resolve(path.dirname(file), fileName);
      if (!target.startsWith(SRC + path.sep)) continue;
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to) out.push({ file: path.relative(PROJECT_ROOT, file), from, to });
    }
  }
  return out;
}

/** A cycle in the folder graph as "a → b → a", or null. */
function findCycle(edges: Map<string, Set<string>>): string | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "open") return [...stack.slice(stack.indexOf(node)), node].join(" → ");
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of [...edges.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function rankOf(folder: string): number | undefined {
  const rank = LAYERS.findIndex((layer) => layer.includes(folder));
  return rank < 0 ? undefined : rank;
}

describe("the layers of src/", () => {
  const imports = crossFolderImports();

  it("finds the imports it checks", () => {
    // A parser that saw nothing would pass everything below.
    expect(imports.some((i) => i.from === "cli" && i.to === "model")).toBe(true);
    expect(imports.some((i) => i.from === "render" && i.to === "pack")).toBe(true);
  });

  it("has no cycle between folders", () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) edges.set(i.from, (edges.get(i.from) ?? new Set()).add(i.to));
    expect(findCycle(edges)).toBeNull();
  });

  it("imports only down the pipeline", () => {
    const upward = imports
      .filter((i) => {
        const from = rankOf(i.from);
        const to = rankOf(i.to);
        // A folder not yet placed in LAYERS is held to the cycle test alone.
        return from !== undefined && to !== undefined && to >= from;
      })
      .map((i) => `${i.file} (${i.from}) imports from ${i.to}/`);
    expect(upward).toEqual([]);
  });

  it("places every folder of src/ in a layer", () => {
    const folders = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => rankOf(f) === undefined)).toEqual([]);
  });

  it("detects a cycle when there is one", () => {
    const edges = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
    ]);
    expect(findCycle(edges)).toBe("a → b → c → a");
    expect(findCycle(new Map([["a", new Set(["b"])]]))).toBeNull();
  });
});
