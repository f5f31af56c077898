import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { editYamlText } from "./yaml-edit.js";

const ITEM = `# yaml-language-server: $schema=../schemas/evidence.schema.json
id: E001 # the id
title: "Customer profile"
description: |
  Who our customers are,
  in two lines.

# Where it applies
sections: [library] # only here
elements: # what it shows
  - "1.1.1"
  - element: "1.1.2"
    note: The second half.
`;

describe("editYamlText", () => {
  it("changes only the edited value, keeping comments and layout", () => {
    const out = editYamlText(ITEM, [{ path: [], key: "title", value: "Customer profile 2025" }]);
    expect(out).toBe(ITEM.replace('"Customer profile"', "Customer profile 2025"));
  });

  it("writes multi-line text as a block and keeps what follows it", () => {
    const out = editYamlText(ITEM, [{ path: [], key: "description", value: "One.\nTwo." }]);
    expect(out).toContain("description: |\n  One.\n  Two.\n\n# Where it applies\n");
    expect(parse(out).description).toBe("One.\nTwo.\n");
  });

  it("replaces a block list in place and keeps the comment on its key's line", () => {
    const out = editYamlText(ITEM, [
      { path: [], key: "elements", value: ["1.1.1", { element: "2.1.1", note: "New note" }] },
    ]);
    expect(out).toContain(
      'elements: # what it shows\n  - "1.1.1"\n  - element: "2.1.1"\n    note: New note\n',
    );
    expect(parse(out).elements).toEqual(["1.1.1", { element: "2.1.1", note: "New note" }]);
  });

  it("keeps a flow list's same-line comment", () => {
    const out = editYamlText(ITEM, [{ path: [], key: "sections", value: ["library", "it"] }]);
    expect(out).toContain("sections:\n  - library\n  - it # only here\n");
    expect(parse(out).sections).toEqual(["library", "it"]);
  });

  it("adds a missing key after the last pair, and missing mappings on the way", () => {
    const text = 'elements:\n  "1.1.1":\n    owner: ann # lead\n';
    const out = editYamlText(text, [
      { path: ["elements", "1.1.1"], key: "rating", value: "compliance" },
      { path: ["elements", "1.2.1"], key: "owner", value: "bob" },
    ]);
    expect(out).toBe(
      'elements:\n  "1.1.1":\n    owner: ann # lead\n    rating: compliance\n  "1.2.1":\n    owner: bob\n',
    );
  });

  it("appends to a file without a final line break", () => {
    expect(editYamlText("id: E1", [{ path: [], key: "owner", value: "ann" }])).toBe("id: E1\nowner: ann\n");
  });

  it("quotes text that YAML would read as something else", () => {
    const out = editYamlText("id: E1\n", [{ path: [], key: "title", value: "yes" }]);
    expect(parse(out).title).toBe("yes");
    const out2 = editYamlText("id: E1\n", [{ path: [], key: "title", value: "1.10" }]);
    expect(parse(out2).title).toBe("1.10");
  });

  it("writes the lines it adds with the file's own Windows line endings", () => {
    const text = 'id: E1\r\nelements:\r\n  - "1.1.1"\r\nnotes: |\r\n  Two\r\n  lines\r\n';
    const out = editYamlText(text, [
      { path: [], key: "elements", value: "1.2.1", append: true },
      { path: [], key: "owner", value: "ann" },
      { path: [], key: "notes", value: "One\nmore" },
    ]);
    expect(out.replace(/\r\n/g, "")).not.toContain("\n");
    expect(parse(out)).toEqual({
      id: "E1",
      elements: ["1.1.1", "1.2.1"],
      notes: "One\nmore\n",
      owner: "ann",
    });
  });
});
