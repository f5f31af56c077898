import { describe, expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

interface Found {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

const minimal = minimalSubmission();

/** The diagnostics of the minimal submission with `changes` applied (null removes a file). */
async function diagnostics(changes: Record<string, string | null>): Promise<Found[]> {
  const files: Record<string, string> = { ...minimal };
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete files[k];
    else files[k] = v;
  }
  const r = await runCse(["validate", "--format", "json", "--as-of", "2015-01-10"], { cwd: testdir(files) });
  return (JSON.parse(r.stdout) as { diagnostics: Found[] }).diagnostics;
}

const where = (d: Found) => [d.file, d.line, d.column, d.code];

const ITEM = `# yaml-language-server: $schema=../schemas/evidence.schema.json
# TODO: this comment mentions TODO and is never read for it
id: E010
title: Returns leaflet
description: |
  The leaflet we give customers.
  TODO: say how long a refund takes.
type: publication
date: 2014-06-01
elements:
  - element: "1.1.1"
    note: TODO
`;

describe("placeholder-text", () => {
  it("points at each TODO in the text of a ready item, never at comments", async () => {
    const found = await diagnostics({ "evidence/E010.yaml": ITEM });
    expect(found.map(where)).toEqual([
      ["evidence/E010.yaml", 7, 3, "placeholder-text"],
      ["evidence/E010.yaml", 12, 11, "placeholder-text"],
    ]);
    expect(found[0]!.message).toMatch(/the description still holds the placeholder TODO.*`status: draft`/);
  });

  it("leaves drafts alone: that is what they are for", async () => {
    expect(
      await diagnostics({ "evidence/E010.yaml": ITEM.replace("type:", "status: draft\ntype:") }),
    ).toEqual([]);
  });

  it("looks at every service standard, ready or not: its title and its results' notes", async () => {
    const found = await diagnostics({
      "service-standards/ss.yaml": [
        "id: SS-1",
        "title: We answer within TODO days",
        'elements: ["1.1.1"]',
        "target: { value: 90, unit: percent, direction: at-least }",
        "period: month",
        "results:",
        '  - period: "2014-11"',
        "    value: 95",
        "    note: TODO say why",
        "",
      ].join("\n"),
    });
    expect(found.map(where)).toEqual([
      ["service-standards/ss.yaml", 2, 25, "placeholder-text"],
      ["service-standards/ss.yaml", 9, 11, "placeholder-text"],
    ]);
    expect(found[0]!.message).toMatch(/service standard SS-1 still holds the placeholder TODO/);
  });

  it("looks at statements and case studies too", async () => {
    const found = await diagnostics({
      "assessment/self.yaml": minimal["assessment/self.yaml"]!.replace(
        "statement: We engage customers.",
        "statement: We engage customers. TODO",
      ),
      "evidence/case-studies/CS01.yaml": minimal["evidence/case-studies/CS01.yaml"]!.replace(
        "narrative: We listened, and changed.",
        "narrative: |\n  We listened.\n\n  TODO: the outcome.",
      ),
    });
    expect(found.map(where)).toEqual([
      ["assessment/self.yaml", 9, 37, "placeholder-text"],
      ["evidence/case-studies/CS01.yaml", 8, 3, "placeholder-text"],
    ]);
  });
});

describe("comment-in-text", () => {
  it("warns at the # of an unquoted one-line text, and shows the quoted form", async () => {
    const found = await diagnostics({
      "evidence/E001.yaml": minimal["evidence/E001.yaml"]!.replace(
        "    note: The profile's second half.",
        "    note: Part #2 of the profile",
      ),
    });
    expect(found.map(where)).toEqual([["evidence/E001.yaml", 11, 16, "comment-in-text"]]);
    expect(found[0]!.message).toBe(
      'YAML reads ` #` and the rest of this line as a note for people, not as part of `note`, so the note is only "Part"; to keep it all, put it in quotes: `note: "Part #2 of the profile"`',
    );
  });

  it("says nothing of quoted text, of block text, or of fields that are not text", async () => {
    const found = await diagnostics({
      "evidence/E001.yaml": minimal["evidence/E001.yaml"]!.replace(
        "title: Customer profile",
        'title: "Customer profile #2"   # a note',
      )
        .replace("description: Who our customers are.", "description: |\n  Who our customers are. # really")
        .replace("type: report", "type: report   # a report"),
    });
    expect(found).toEqual([]);
  });
});

describe("ignored-file", () => {
  it("warns of YAML saved under another name, in every folder cse reads, but not of listed attachments", async () => {
    const found = await diagnostics({
      "evidence/E010-returns.yaml.txt": "id: E010\n",
      "evidence/library/E011.YAML~": "id: E011\n",
      "assessment/self.yaml.bak": "elements: {}\n",
      "criteria/3.json": "{}",
      "service-standards/SS1.yml.txt": "id: SS1\n",
      "evidence/data/survey.json": "{}",
      "evidence/notes.txt": "notes",
      "evidence/E002.yaml": `${minimal["evidence/E002.yaml"]}files: [data/survey.json]\n`,
    });
    expect(found.map(where)).toEqual([
      ["assessment/self.yaml.bak", 1, 1, "ignored-file"],
      ["criteria/3.json", 1, 1, "ignored-file"],
      ["evidence/E010-returns.yaml.txt", 1, 1, "ignored-file"],
      ["evidence/library/E011.YAML~", 1, 1, "ignored-file"],
      ["service-standards/SS1.yml.txt", 1, 1, "ignored-file"],
    ]);
    expect(found[0]!.message).toMatch(/like a backup copy kept by an editor.*rename it `self.yaml`/);
    expect(found[1]!.message).toMatch(/reads YAML files only.*`3.yaml`/);
  });
});

describe("schema-line", () => {
  const SCHEMAS = { "schemas/evidence.schema.json": "{}", "schemas/case-study.schema.json": "{}" };
  const line = (path: string) => `# yaml-language-server: $schema=${path}\n`;

  it("gives the right relative path for a file moved into a subfolder, at the path", async () => {
    const found = await diagnostics({
      ...SCHEMAS,
      "evidence/E001.yaml": null,
      "evidence/library/2014/E001.yaml":
        line("../schemas/evidence.schema.json") + minimal["evidence/E001.yaml"],
    });
    expect(found.map(where)).toEqual([["evidence/library/2014/E001.yaml", 1, 33, "schema-line"]]);
    expect(found[0]!.message).toMatch(/write `\$schema=\.\.\/\.\.\/\.\.\/schemas\/evidence\.schema\.json`$/);
  });

  it("names another kind's schema, and is silent for a right path, an address, or no schemas folder", async () => {
    const moved = line("../../schemas/evidence.schema.json") + minimal["evidence/case-studies/CS01.yaml"];
    const found = await diagnostics({
      ...SCHEMAS,
      "evidence/case-studies/CS01.yaml": moved,
      "evidence/E001.yaml": line("../schemas/evidence.schema.json") + minimal["evidence/E001.yaml"],
      "evidence/E002.yaml": line("https://example.org/evidence.schema.json") + minimal["evidence/E002.yaml"],
    });
    expect(found.map(where)).toEqual([["evidence/case-studies/CS01.yaml", 1, 33, "schema-line"]]);
    expect(found[0]!.message).toMatch(/another kind of file.*needs case-study.schema.json/);
    expect(
      await diagnostics({ "evidence/E001.yaml": line("nowhere.json") + minimal["evidence/E001.yaml"] }),
    ).toEqual([]);
  });

  it("answers each file of a folder with the same line at its own place (the answer is worked out once)", async () => {
    const moved = line("../schemas/evidence.schema.json");
    const found = await diagnostics({
      ...SCHEMAS,
      "evidence/E001.yaml": null,
      "evidence/library/E001.yaml": moved + minimal["evidence/E001.yaml"],
      "evidence/library/E002.yaml": `\n${moved}${minimal["evidence/E001.yaml"]!.replace("id: E001", "id: E102")}`,
      "evidence/library/E003.yaml":
        line("../../schemas/evidence.schema.json") +
        minimal["evidence/E001.yaml"]!.replace("id: E001", "id: E103"),
    });
    expect(found.map(where)).toEqual([
      ["evidence/library/E001.yaml", 1, 33, "schema-line"],
      ["evidence/library/E002.yaml", 2, 33, "schema-line"],
    ]);
    expect(found[1]!.message).toBe(found[0]!.message);
  });
});
