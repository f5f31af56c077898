import { describe, expect, it } from "vitest";
import type { Block, Inline, PackDocument, Section } from "../../pack/document-model.js";
import { docxContext } from "./docx-context.js";
import { foreseeBody } from "./docx-foresee.js";
import { docxBody } from "./docx-sections.js";

const text = (t: string): Inline => ({ type: "text", text: t, strong: false });
const ref: Inline = { type: "ref", anchor: "s2", text: "the second" };
const cite: Inline = { type: "cite", anchor: "s1", id: "E001", title: "Report", attachment: null };
const link: Inline = { type: "link", href: "https://example.org/", text: "a site" };
const markdown = (source: string): Block => ({
  type: "markdown",
  source,
  headingShift: 2,
  abbreviations: [],
});

const section = (anchor: string, blocks: Block[], children: Section[] = []): Section => ({
  anchor,
  kind: "evidence",
  level: 2,
  title: anchor,
  shortTitle: anchor,
  inContents: true,
  blocks,
  children,
});

/** A document with every kind of link to a bookmark, in every place one can be, and numbered lists. */
const doc = {
  language: "en-GB",
  mentions: [{ text: "E001", anchor: "s1" }],
  cover: {
    title: "T",
    organisation: "O",
    subtitle: "S",
    notice: null,
    facts: [{ term: "A", value: [cite] }],
  },
  contents: [
    { anchor: "s1", title: "One", children: [{ anchor: "s2", title: "Two", children: [] }] },
    { anchor: "s3", title: "Three", children: [] },
  ],
  sections: [
    section("s1", [
      { type: "paragraph", role: "plain", content: [text("see "), ref, link, cite] },
      markdown(
        "Mentions E001 and [a site](https://example.org/).\n\n3. three E001\n4. four\n\n> E001 quoted",
      ),
      {
        type: "list",
        items: [
          [{ type: "paragraph", role: "plain", content: [ref] }, markdown("7. seven E001\n\n   1. one")],
          [{ type: "list", items: [[markdown("- E001 and E001")]] }],
        ],
      },
    ]),
    section(
      "s2",
      [
        { type: "facts", items: [{ term: "B", value: [ref, ref] }] },
        {
          type: "table",
          caption: "C",
          columns: [
            { label: "a", width: 1, align: "start", nowrap: false },
            { label: "b", width: 1, align: "start", nowrap: false },
          ],
          // The third cell is past the columns: it is not written.
          rows: [[[cite], [ref, cite], [ref]]],
          rowHeaders: false,
        },
      ],
      [section("s3", [markdown("# Heading E001\n\n```\nE001\n```")])],
    ),
  ],
} as unknown as PackDocument;

describe("foreseeBody", () => {
  it("counts the links to bookmarks the body makes, and finds its numbered lists", () => {
    const foreseen = docxContext(doc);
    const links = foreseeBody(foreseen, doc);

    // Every link to a bookmark draws 21 random numbers as it is made (docx's uniqueId).
    const made = docxContext(doc);
    const random = Math.random;
    let draws = 0;
    Math.random = () => (draws++, 0.5);
    try {
      for (const piece of docxBody(made, doc)) void piece;
    } finally {
      Math.random = random;
    }
    expect(draws).toBeGreaterThan(0);
    expect(links * 21).toBe(draws);
    expect([...foreseen.listStarts].sort()).toEqual([...made.listStarts].sort());
    expect([...foreseen.listStarts].sort()).toEqual([1, 3, 7]);
  });
});
