import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/cli/commands/index.js";
import { PROJECT_ROOT } from "./helpers/testdir.js";

// The README and every page under docs/ are read as a newcomer reads them: every relative link
// must lead somewhere, and the reference of each command must name exactly the options
// `cse COMMAND --help` gives.

/**
 * Pages the README links to that other branches are writing. Remove an entry when its page
 * lands: the test fails for an entry whose page exists, so the list cannot go stale.
 */
const PENDING = new Set<string>([]);

/** The commands whose reference this branch wrote; commands added later are checked when documented. */
const DOCUMENTED = [
  "init",
  "new",
  "assign",
  "validate",
  "gaps",
  "build",
  "diff",
  "list",
  "show",
  "completion",
  "schema",
];

const pages = [
  "README.md",
  ...fs
    .readdirSync(path.join(PROJECT_ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const text = (page: string) => fs.readFileSync(path.join(PROJECT_ROOT, page), "utf8");

/** The lines of a Markdown page outside fenced code blocks, with their text; inline code blanked. */
function prose(page: string): string[] {
  let fenced = false;
  return text(page)
    .split("\n")
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return "";
      }
      return fenced ? "" : line;
    });
}

/** GitHub's anchors for a page's headings. */
function anchors(page: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const line of prose(page)) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const slug = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    found.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return found;
}

/** Every relative link target of a page: `[text](target)` and `![alt](target)`, outside code. */
function links(page: string): string[] {
  const found: string[] = [];
  for (const line of prose(page)) {
    const outsideCode = line.replace(/`[^`]*`/g, "");
    for (const m of outsideCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) found.push(m[1]!);
  }
  return found.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

describe("the README and docs/", () => {
  it("has a README short enough for a newcomer", () => {
    expect(text("README.md").split("\n").length).toBeLessThanOrEqual(300);
  });

  it.each(pages)("%s: every relative link resolves, anchors included", (page) => {
    const broken: string[] = [];
    for (const target of links(page)) {
      const [file, anchor] = target.split("#") as [string, string | undefined];
      const resolved =
        file === "" ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
      if (PENDING.has(resolved)) continue;
      if (!fs.existsSync(path.join(PROJECT_ROOT, resolved))) broken.push(`${target} (no ${resolved})`);
      else if (anchor && resolved.endsWith(".md") && !anchors(resolved).has(anchor.toLowerCase()))
        broken.push(`${target} (no heading #${anchor} in ${resolved})`);
    }
    expect(broken).toEqual([]);
  });

  it("waits only for pages that have not landed yet", () => {
    expect([...PENDING].filter((p) => fs.existsSync(path.join(PROJECT_ROOT, p)))).toEqual([]);
  });
});

/** Each command's reference section: a heading naming `cse NAME`, to the next heading as high. */
function referenceSections(): Map<string, string[]> {
  const found: { name: string; own: boolean; lines: string[] }[] = [];
  // docs/format.md is the contract, not a command reference: its headings name commands too.
  for (const page of pages.filter((p) => p.startsWith("docs/") && p !== "docs/format.md")) {
    const lines = text(page).split("\n");
    const heads = prose(page).flatMap((line, i) => {
      const m = /^(#{1,3})\s+(.*)$/.exec(line);
      return m
        ? [{ i, level: m[1]!.length, names: [...m[2]!.matchAll(/`cse ([a-z][a-z-]*)/g)].map((x) => x[1]!) }]
        : [];
    });
    heads.forEach((h, k) => {
      const end = heads.slice(k + 1).find((next) => next.level <= h.level)?.i ?? lines.length;
      for (const name of h.names)
        found.push({ name, own: h.names.length === 1, lines: lines.slice(h.i, end) });
    });
  }
  // A heading of its own (`cse show ID`) is the command's reference; one shared with another
  // command (`cse list` and `cse show`) only when it has none.
  const sections = new Map<string, string[]>();
  for (const name of new Set(found.map((f) => f.name))) {
    const mine = found.filter((f) => f.name === name);
    const chosen = mine.some((f) => f.own) ? mine.filter((f) => f.own) : mine;
    sections.set(
      name,
      chosen.flatMap((f) => f.lines),
    );
  }
  return sections;
}

function programCommands(): Command[] {
  const program = new Command("cse");
  for (const def of COMMANDS) def(program, async () => {});
  return program.commands as Command[];
}

/** The options a section gives as its own: in its synopsis (`cse NAME [...]`) and its option table. */
function declaredOptions(name: string, lines: string[]): string[] {
  const found = new Set<string>();
  let synopsis = false;
  for (const line of lines) {
    if (line.startsWith(`cse ${name}`)) synopsis = true;
    else if (synopsis && !/^\s/.test(line)) synopsis = false;
    const cell = /^\|\s*`(--[a-z][a-z-]*)/.exec(line);
    if (cell) found.add(cell[1]!);
    if (synopsis) for (const m of line.matchAll(/(--[a-z][a-z-]*)/g)) found.add(m[1]!);
  }
  return [...found];
}

describe("the reference of every command", () => {
  const sections = referenceSections();
  const documented = programCommands().filter((c) => sections.has(c.name()));

  it("covers the commands this project documents", () => {
    expect(DOCUMENTED.filter((name) => !sections.has(name))).toEqual([]);
  });

  it.each(documented.map((c) => [c.name(), c] as const))("cse %s: options match --help", (name, command) => {
    const lines = sections.get(name)!;
    const body = lines.join("\n");
    const options = command.options.map((o) => o.long!).filter(Boolean);
    const missing = options.filter((flag) => !new RegExp(`${flag}(?![a-z-])`).test(body));
    expect(missing, `options of cse ${name} --help missing from its reference`).toEqual([]);
    const unknown = declaredOptions(name, lines).filter((flag) => !options.includes(flag));
    expect(unknown, `options in the reference of cse ${name} that --help does not know`).toEqual([]);
  });
});
