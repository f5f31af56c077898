import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { newAssessmentFile, setOwners } from "./set-owners.js";

const one = (element: string, person: string) => new Map([[element, person]]);

describe("setOwners", () => {
  it("turns init's empty {} into an entry holding the owner, keeping the comments around it", () => {
    const text = `# Self-assessment, criterion 1.
elements:

  # 1.1.1: Know your customers.
  "1.1.1": {}

  # 1.1.2: Understand them.
  "1.1.2": {}
`;
    expect(setOwners(text, one("1.1.1", "ann"))).toBe(`# Self-assessment, criterion 1.
elements:

  # 1.1.1: Know your customers.
  "1.1.1":
    owner: ann

  # 1.1.2: Understand them.
  "1.1.2": {}
`);
  });

  it("replaces an owner in place, keeping the comment after it and every other field", () => {
    const text = `elements:
  "4.3.2":
    rating: compliance   # agreed in March
    owner: bob           # the head of service
    statement: |
      We answer complaints within five days.
`;
    expect(setOwners(text, one("4.3.2", "ann"))).toBe(text.replace("owner: bob ", "owner: ann "));
  });

  it("puts the owner first in an entry without one, and fills an entry left empty", () => {
    const text = `elements:\n  "1.1.1":\n    rating: compliance\n  "1.1.2":\n`;
    const out = setOwners(
      text,
      new Map([
        ["1.1.1", "ann"],
        ["1.1.2", "bob"],
      ]),
    );
    expect(out).toBe(
      `elements:\n  "1.1.1":\n    owner: ann\n    rating: compliance\n  "1.1.2":\n    owner: bob\n`,
    );
  });

  it("adds an element the file lacks at the end, its id quoted so it stays a string", () => {
    const out = setOwners(`elements:\n  "1.1.1": { rating: compliance }\n`, one("1.10.1", "ann"));
    expect(out).toContain(`"1.10.1":\n    owner: ann`);
    expect(parse(out)).toEqual({
      elements: { "1.1.1": { rating: "compliance" }, "1.10.1": { owner: "ann" } },
    });
  });

  it("keeps Windows line ends and a byte-order mark", () => {
    const text = `\uFEFF# note\r\nelements:\r\n  "1.1.1": {}\r\n`;
    expect(setOwners(text, one("1.1.1", "ann"))).toBe(
      `\uFEFF# note\r\nelements:\r\n  "1.1.1":\r\n    owner: ann\r\n`,
    );
  });

  it("writes a new file that reads back as the owners given, with the schema line when asked", () => {
    const text = newAssessmentFile(one("2.1.1", "ann"), "../schemas/assessment.schema.json");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../schemas/assessment.schema.json");
    expect(parse(text)).toEqual({ elements: { "2.1.1": { owner: "ann" } } });
  });
});

describe("setOwners, files as people write them", () => {
  it("adds an entry after the last one, before blank lines at the end", () => {
    const text = `elements:\n  "1.1.1":\n    owner: ann # lead\n\n`;
    expect(setOwners(text, one("1.1.2", "bob"))).toBe(
      `elements:\n  "1.1.1":\n    owner: ann # lead\n  "1.1.2":\n    owner: bob\n\n`,
    );
  });

  it("adds an owner to a one-line entry and to a file with no elements yet", () => {
    expect(setOwners(`elements:\n  "1.1.1": { rating: compliance }\n`, one("1.1.1", "ann"))).toBe(
      `elements:\n  "1.1.1": { owner: ann, rating: compliance }\n`,
    );
    expect(parse(setOwners("# nothing yet\n", one("1.1.1", "ann")))).toEqual({
      elements: { "1.1.1": { owner: "ann" } },
    });
    expect(parse(setOwners("elements: {}\n", one("1.1.1", "ann")))).toEqual({
      elements: { "1.1.1": { owner: "ann" } },
    });
  });

  it("gives an entry written `~` an owner", () => {
    expect(setOwners(`elements:\n  "1.1.1": ~\n`, one("1.1.1", "ann"))).toBe(
      `elements:\n  "1.1.1":\n    owner: ann\n`,
    );
  });
});

describe("setOwners, an owner left empty", () => {
  it("fills `owner:` with nothing after it, keeping its comment", () => {
    expect(
      setOwners(`elements:\n  "1.1.1":\n    owner:    # who?\n    rating: compliance\n`, one("1.1.1", "ann")),
    ).toBe(`elements:\n  "1.1.1":\n    owner: ann    # who?\n    rating: compliance\n`);
  });
});

describe("setOwners, elements left empty", () => {
  it("gives `elements:` with nothing under it its first entry", () => {
    expect(parse(setOwners("elements:\n", one("1.10.1", "ann")))).toEqual({
      elements: { "1.10.1": { owner: "ann" } },
    });
  });
});

describe("setOwners on real self-assessments", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const files = fs
    .readdirSync(path.join(root, "assessment"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => `assessment/${f}`);

  it.each(files)("%s: changes the owners and nothing else", (file) => {
    const before = fs.readFileSync(path.join(root, file), "utf8");
    const data = parse(before) as { elements: Record<string, Record<string, unknown> | null> };
    const owners = new Map(Object.keys(data.elements).map((id) => [id, "zed"]));
    const after = setOwners(before, owners);
    const expected = Object.fromEntries(
      Object.entries(data.elements).map(([id, entry]) => [id, { ...(entry ?? {}), owner: "zed" }]),
    );
    expect(parse(after)).toEqual({ ...data, elements: expected });
    // Every line but the element owners' is still there, in the same order.
    const kept = after.split("\n");
    let at = 0;
    for (const line of before.split("\n").filter((l) => !/^ {4}owner:/.test(l))) {
      at = kept.indexOf(line, at);
      expect(at, line).toBeGreaterThanOrEqual(0);
      at++;
    }
  });
});
