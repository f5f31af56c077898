import type { Block, Fact, Inline, Section, TableBlock } from "./document-model.js";
import { count, joinInline, para, text } from "./inline.js";
import { plainTextOf } from "./plain-text.js";
import type { PackContext } from "./pack-context.js";

/** Document control (cse.yaml `document`): version, status, approver, approval date, contact; null when absent. */
export function documentControlSection(ctx: PackContext): Section | null {
  const d = ctx.s.config.document;
  if (!d) return null;
  const facts: Fact[] = [
    { term: "Version", value: [text(d.version)] },
    { term: "Status", value: [text(d.status === "final" ? "Final" : "Draft", d.status === "draft")] },
  ];
  if (d.approvedBy) facts.push({ term: "Approved by", value: ctx.person(d.approvedBy) });
  if (d.approvedOn) facts.push({ term: "Approved on", value: [text(ctx.date(d.approvedOn))] });
  if (d.contact) facts.push({ term: "Contact for the assessor", value: contactOf(ctx, d.contact) });
  const blocks: Block[] = [{ type: "facts", items: facts }];
  blocks.push(
    para(
      [
        text(
          "How this pack was built (the commit it came from and when each item last changed) is in the appendix.",
        ),
      ],
      "note",
    ),
  );
  return section("document-control", "document-control", "Document control", blocks, []);
}

function contactOf(ctx: PackContext, id: string): Inline[] {
  const p = ctx.s.config.people.find((x) => x.id === id);
  const section = p?.section ? ctx.sectionNames([p.section]) : null;
  return [...ctx.person(id), ...(section ? [text(`, ${section}`)] : [])];
}

/** The organisation: its sections and the people named in the submission, then its customer groups. */
export function organisationSection(ctx: PackContext): Section {
  const { sections, people } = ctx.s.config;
  const rows = sections.map((sec) => {
    const members = people.filter((p) => p.section === sec.id);
    return [[text(sec.name)], members.length ? peopleCell(members) : [text("none named")]];
  });
  const across = people.filter((p) => p.section === null || !sections.some((x) => x.id === p.section));
  if (across.length > 0) rows.unshift([[text("Across the organisation")], peopleCell(across)]);
  const table: TableBlock = {
    type: "table",
    caption: "Sections and people",
    columns: [
      { label: "Section", align: "start", width: 3, nowrap: false },
      { label: "People and roles", align: "start", width: 7, nowrap: false },
    ],
    rows,
    rowHeaders: true,
  };
  const children = ctx.s.config.customers.length > 0 ? [customersSection(ctx)] : [];
  return section("organisation", "organisation", "Our organisation", [table], children);
}

function peopleCell(list: { name: string; role: string | null }[]): Inline[] {
  return joinInline(
    list.map((p) => [text(p.name, true), ...(p.role ? [text(`, ${p.role}`)] : [])]),
    "; ",
  );
}

const CUSTOMERS_INTRO =
  "For each: who they are, how many, and the evidence and case studies that concern them.";

/** The customer groups (cse.yaml `customers`), each with the evidence and case studies that concern it. */
function customersSection(ctx: PackContext): Section {
  const groups = ctx.s.config.customers;
  const items = [...ctx.evidence, ...ctx.caseStudies];
  const blocks: Block[] = [
    para([text(`We serve ${count(groups.length, "customer group", "customer groups")}. ${CUSTOMERS_INTRO}`)]),
    {
      type: "table",
      caption: "Our customer groups",
      columns: [
        { label: "Group", align: "start", width: 4.5, nowrap: false },
        { label: "Size", align: "start", width: 2, nowrap: false },
        { label: "Evidence and case studies", align: "start", width: 5.5, nowrap: false },
      ],
      rows: groups.map((g) => {
        const concerning = items.filter((i) => i.customers.includes(g.id));
        const about = g.description ? plainTextOf(g.description) : "";
        return [
          [text(g.name, true), ...(about ? [text(`: ${about}`)] : [])],
          [text(g.size ?? "")],
          concerning.length
            ? joinInline(
                concerning.map((i) => [ctx.cite(i)]),
                "; ",
              )
            : [text("none yet")],
        ];
      }),
      rowHeaders: true,
    },
  ];
  const s = section("customers", "customers", "Our customers", blocks, []);
  return { ...s, level: 3 };
}

/** The glossary: every term and its expansion, in the order cse.yaml gives them; null when there is none. */
export function glossarySection(ctx: PackContext): Section | null {
  const terms = ctx.s.config.glossary;
  if (terms.length === 0) return null;
  return section(
    "glossary",
    "glossary",
    "Glossary",
    [{ type: "facts", items: terms.map((t) => ({ term: t.term, value: [text(t.expansion)] })) }],
    [],
  );
}

function section(
  anchor: string,
  kind: Section["kind"],
  title: string,
  blocks: Block[],
  children: Section[],
): Section {
  return { anchor, kind, level: 2, title, shortTitle: title, inContents: true, blocks, children };
}
