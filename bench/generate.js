#!/usr/bin/env node
// Writes a synthetic, valid submission of any size for the benchmark: the CSE standard (copied
// from this repository), cse.yaml, N evidence items spread over folders, one case study per six
// items, some attachments, a self-assessment of every element and one finding. The same seed
// and size always give the same bytes, so runs on different days measure the same input.
//
//   node bench/generate.js --items 3000 --out /tmp/sub [--seed 1]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const REPO = fileURLToPath(new URL("..", import.meta.url));

/** The as-of day the bench passes to every command, so results do not depend on today. */
export const AS_OF = "2027-01-15";
const VISIT = "2027-03-09";

/** Small, fast, seeded PRNG (mulberry32): deterministic across machines and Node versions. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const sample = (list, n) => {
    const copy = [...list];
    const out = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, sample };
}

const SUBJECTS = [
  "our customers",
  "the service desk",
  "front-line staff",
  "the reading room team",
  "students",
  "visiting researchers",
  "the management team",
  "community users",
  "the project group",
  "section heads",
  "the customer panel",
  "partner organisations",
  "disabled customers",
  "distance learners",
  "new staff",
];
const VERBS = [
  "reviewed",
  "analysed",
  "published",
  "agreed",
  "measured",
  "improved",
  "consulted on",
  "shared",
  "reported",
  "tested",
  "redesigned",
  "monitored",
  "explained",
  "simplified",
  "audited",
];
const OBJECTS = [
  "the complaints procedure",
  "response times",
  "the customer charter",
  "satisfaction results",
  "opening hours",
  "the enquiry form",
  "service standards",
  "the accessibility statement",
  "training records",
  "the annual survey",
  "the referral protocol",
  "web content",
  "signage in both languages",
  "waiting times",
  "the feedback log",
  "performance data",
  "the equality analysis",
  "the customer profile",
];
const TAILS = [
  "every term",
  "against our published standards",
  "with the customer panel",
  "in both campus libraries",
  "before the start of term",
  "each quarter",
  "with partner organisations",
  "using comment cards and online polls",
  "for each customer group",
  "across all three sections",
  "since the last assessment",
  "at the monthly team meeting",
];
const RESULTS = [
  "Satisfaction rose by six points.",
  "Complaints about this fell by a third.",
  "Customers now get an answer within two working days.",
  "The change was welcomed by the student union.",
  "Take-up doubled within a year.",
  "Staff report fewer repeat enquiries.",
  'The results are on the "You said, we did" page.',
  "We met the standard in eleven months of twelve.",
];
const TITLE_WORDS = [
  "Customer",
  "Survey",
  "Complaints",
  "Charter",
  "Standards",
  "Report",
  "Plan",
  "Review",
  "Training",
  "Feedback",
  "Panel",
  "Minutes",
  "Accessibility",
  "Outreach",
  "Consultation",
  "Dashboard",
  "Procedure",
  "Policy",
  "Insight",
  "Partnership",
  "Signage",
  "Guide",
  "Audit",
  "Analysis",
  "Response",
  "Times",
  "Leaflet",
  "Web",
  "Page",
  "Engagement",
];
const TYPES = [
  "policy",
  "procedure",
  "plan",
  "report",
  "survey",
  "data",
  "minutes",
  "web-page",
  "publication",
  "training",
  "photo",
  "correspondence",
  "other",
];
const SECTIONS = [
  ["library", "Library"],
  ["it", "IT Services"],
  ["archives", "Archives and Special Collections"],
  ["estates", "Estates and Facilities"],
  ["student-services", "Student Services"],
  ["finance", "Finance and Payments"],
];
const FIRST = [
  "Ada",
  "Ben",
  "Cara",
  "Dev",
  "Elin",
  "Femi",
  "Gwen",
  "Hari",
  "Iona",
  "Jon",
  "Kemi",
  "Lowri",
  "Mo",
  "Nia",
  "Owen",
  "Priya",
  "Rhys",
  "Sian",
  "Tom",
  "Uma",
];
const LAST = [
  "Okafor",
  "Pritchard",
  "Hughes",
  "Bell",
  "Nakamura",
  "Shah",
  "Fraser",
  "Evans",
  "Jones",
  "Patel",
  "Morgan",
  "Khan",
];

/** Reads the element ids of the standard in this repository, in file order. */
function readElements(criteriaDir) {
  const ids = [];
  for (const name of fs.readdirSync(criteriaDir).sort()) {
    if (!/\.ya?ml$/.test(name) || name.startsWith("standard.")) continue;
    const c = parse(fs.readFileSync(path.join(criteriaDir, name), "utf8"));
    for (const s of c.subcriteria ?? [])
      for (const e of s.elements ?? []) ids.push({ id: e.id, criterion: String(c.id) });
  }
  return ids;
}

function pad(n, width) {
  return String(n).padStart(width, "0");
}

function dateBetween(r, from, to) {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(r.next() * (b - a))).toISOString().slice(0, 10);
}

/** Makes Markdown prose of roughly `words` words: sentences, some bold, a list now and then. */
function prose(r, words, opts = {}) {
  const paragraphs = [];
  let count = 0;
  let para = [];
  while (count < words) {
    let s = `${cap(r.pick(SUBJECTS))} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`;
    if (r.chance(0.15)) s = s.replace(/ (\w+ \w+)\.$/, " **$1**.");
    if (r.chance(0.2)) s += ` ${r.pick(RESULTS)}`;
    para.push(s);
    count += s.split(" ").length;
    if (para.length >= r.int(3, 5)) {
      paragraphs.push(wrap(para.join(" ")));
      para = [];
      if (opts.lists && r.chance(0.35)) {
        paragraphs.push(
          Array.from(
            { length: r.int(2, 4) },
            () => `- ${cap(r.pick(VERBS))} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`,
          ).join("\n"),
        );
      }
      if (opts.links && r.chance(0.1))
        paragraphs.push(
          `More at [our website](https://example.org/${r.pick(OBJECTS).replace(/\W+/g, "-")}).`,
        );
    }
  }
  if (para.length) paragraphs.push(wrap(para.join(" ")));
  return paragraphs.join("\n\n");
}

function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}

function wrap(text, width = 94) {
  const lines = [];
  let line = "";
  for (const w of text.split(" ")) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

/** A YAML block scalar (`|`) holding `text`, indented under a key at `indent` spaces. */
function block(text, indent) {
  const pad = " ".repeat(indent + 2);
  return (
    "|\n" +
    text
      .split("\n")
      .map((l) => (l ? pad + l : ""))
      .join("\n")
  );
}

function title(r) {
  return Array.from({ length: r.int(2, 5) }, () => r.pick(TITLE_WORDS))
    .join(" ")
    .replace(/^./, (c) => c.toUpperCase());
}

function slug(s) {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
}

function elementsYaml(r, elements, n) {
  const chosen = r.sample(elements, n);
  return chosen
    .map((e) =>
      r.chance(0.3)
        ? `  - element: "${e.id}"\n    note: ${r.chance(0.5) ? block(prose(r, r.int(8, 40)), 4) : `${cap(r.pick(VERBS))} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`}`
        : `  - "${e.id}"`,
    )
    .join("\n");
}

const CSV_HEADER = "month,contacts,answered_within_standard,satisfaction\n";

function csv(r) {
  let s = CSV_HEADER;
  for (let m = 1; m <= r.int(24, 120); m++)
    s += `2025-${pad(((m - 1) % 12) + 1, 2)},${r.int(200, 4000)},${r.int(80, 100)}%,${r.int(70, 98)}%\n`;
  return s;
}

// A minimal, well-formed one-page PDF, so attachments of the most common kind exist as real files.
function pdf(label) {
  const text = `BT /F1 18 Tf 72 720 Td (${label.replace(/[()\\]/g, "")}) Tj ET`;
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${pad(o, 10)} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

/**
 * Writes a submission of `items` evidence items into `out` (created; must be empty or absent).
 * Returns counts of what was written.
 */
export function generate({ out, items, seed = 1 }) {
  const r = rng(seed * 1_000_003 + items);
  const write = (rel, content) => {
    const file = path.join(out, ...rel.split("/"));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  fs.mkdirSync(out, { recursive: true });
  if (fs.readdirSync(out).length) throw new Error(`${out} is not empty`);

  fs.cpSync(path.join(REPO, "criteria"), path.join(out, "criteria"), { recursive: true });
  const elements = readElements(path.join(out, "criteria"));

  const people = [];
  SECTIONS.forEach(([sid], si) => {
    for (let k = 0; k < 6; k++)
      people.push({
        id: `${sid}-${pad(k + 1, 2)}`,
        name: `${FIRST[(si * 6 + k) % FIRST.length]} ${LAST[(si * 7 + k) % LAST.length]}`,
        section: sid,
      });
  });
  people.push({ id: "director", name: "Ada Okafor" }, { id: "cse-lead", name: "Rhys Pritchard" });

  write(
    "cse.yaml",
    `# Synthetic submission written by bench/generate.js (seed ${seed}, ${items} items).
organisation: Synthetic Borough Council Customer Services
title: Customer Service Excellence submission (benchmark, ${items} items)
standard: criteria

assessment:
  kind: reassessment
  date: ${VISIT}
  assessor: Benchmark Certification (fictional)

sections:
${SECTIONS.map(([id, name]) => `  - id: ${id}\n    name: ${name}`).join("\n")}

people:
${people.map((p) => `  - id: ${p.id}\n    name: ${p.name}${p.section ? `\n    section: ${p.section}` : ""}\n    role: ${title(r)} lead`).join("\n")}

rules:
  min_evidence: 2
  evidence_max_age_months: 36
  statement_max_words: 250

build:
  output: out
  formats: [html, pdf]
  language: en-GB
  introduction: docs/introduction.md
`,
  );
  write(
    "docs/introduction.md",
    `# Introduction\n\n${prose(r, 600, { lists: true })}\n\n## How we prepared\n\n${prose(r, 300, { lists: true })}\n`,
  );

  // Evidence: folders of up to 50 items per section, like a team filing by topic.
  let attachments = 0;
  const evidenceIds = [];
  for (let i = 1; i <= items; i++) {
    const id = `E${pad(i, 5)}`;
    evidenceIds.push(id);
    const [sid] = SECTIONS[i % SECTIONS.length];
    const folder = `evidence/${sid}/group-${pad(Math.floor((i - 1) / (50 * SECTIONS.length)) + 1, 3)}`;
    const t = title(r);
    const lines = [
      `id: ${id}`,
      `title: ${t}`,
      `type: ${r.pick(TYPES)}`,
      `date: ${dateBetween(r, "2022-06-01", "2027-01-10")}`,
    ];
    if (r.chance(0.05)) lines.push(`expires: ${dateBetween(r, "2026-01-01", "2028-12-31")}`);
    if (r.chance(0.7)) lines.push(`sections:\n  - ${sid}`);
    if (r.chance(0.8)) lines.push(`owner: ${sid}-${pad(r.int(1, 6), 2)}`);
    if (r.chance(0.04)) lines.push("status: draft");
    lines.push(`description: ${block(prose(r, r.int(50, 180), { lists: true, links: true }), 0)}`);
    if (i % 20 === 0) {
      const name = i % 40 === 0 ? `${slug(t)}-${id}.pdf` : `${slug(t)}-${id}.csv`;
      write(`${folder}/attachments/${name}`, name.endsWith(".pdf") ? pdf(t) : csv(r));
      attachments++;
      lines.push(`files:\n  - attachments/${name}`);
    }
    if (r.chance(0.15)) lines.push(`links:\n  - https://example.org/${sid}/${id.toLowerCase()}`);
    lines.push(`elements:\n${elementsYaml(r, elements, r.int(1, 4))}`);
    write(
      `${folder}/${id}-${slug(t)}.yaml`,
      `# yaml-language-server: $schema=../../../schemas/evidence.schema.json\n${lines.join("\n")}\n`,
    );
  }

  // Case studies: one per six items, each backed by some of the items.
  const studies = Math.floor(items / 6);
  for (let i = 1; i <= studies; i++) {
    const id = `CS${pad(i, 5)}`;
    const [sid] = SECTIONS[i % SECTIONS.length];
    const t = title(r);
    const narrative = `### Situation\n\n${prose(r, r.int(60, 120))}\n\n### What we did\n\n${prose(r, r.int(100, 200), { lists: true })}\n\n### Outcome\n\n${prose(r, r.int(60, 120), { links: true })}`;
    const lines = [
      `id: ${id}`,
      `title: ${t}`,
      `date: ${dateBetween(r, "2023-01-01", "2027-01-10")}`,
      `sections:\n  - ${sid}`,
      `owner: ${sid}-${pad(r.int(1, 6), 2)}`,
      ...(r.chance(0.04) ? ["status: draft"] : []),
      `summary: ${block(prose(r, r.int(40, 70)), 0)}`,
      `narrative: ${block(narrative, 0)}`,
      `evidence:\n${r
        .sample(evidenceIds.slice(Math.max(0, i * 6 - 60), i * 6), r.int(2, 5))
        .map((e) => `  - ${e}`)
        .join("\n")}`,
      `elements:\n${elementsYaml(r, elements, r.int(2, 4))}`,
    ];
    write(
      `evidence/case-studies/${sid}/${id}-${slug(t)}.yaml`,
      `# yaml-language-server: $schema=../../../schemas/case-study.schema.json\n${lines.join("\n")}\n`,
    );
  }

  // Self-assessment: every element, one file per criterion.
  const ratings = () => {
    const x = r.next();
    return x < 0.12
      ? "compliance-plus"
      : x < 0.8
        ? "compliance"
        : x < 0.95
          ? "partial-compliance"
          : "non-compliance";
  };
  const byCriterion = new Map();
  for (const e of elements) byCriterion.set(e.criterion, [...(byCriterion.get(e.criterion) ?? []), e]);
  for (const [criterion, list] of byCriterion) {
    const entries = list.map((e) => {
      const rating = ratings();
      const owner = r.pick(people).id;
      let s = `  "${e.id}":\n    owner: ${owner}\n    rating: ${rating}\n    statement: ${block(prose(r, r.int(80, 200)), 4)}`;
      if (!rating.startsWith("compliance") || r.chance(0.3)) {
        s += "\n    actions:";
        for (let k = 0; k < r.int(1, 3); k++) {
          const done = r.chance(0.4);
          s += `\n      - title: ${cap(r.pick(VERBS))} ${r.pick(OBJECTS)}\n        owner: ${r.pick(people).id}\n        due: ${dateBetween(r, "2026-06-01", "2027-12-31")}\n        done: ${done}`;
        }
      }
      return s;
    });
    write(
      `assessment/criterion-${criterion}.yaml`,
      `# yaml-language-server: $schema=../schemas/assessment.schema.json\nelements:\n${entries.join("\n")}\n`,
    );
  }

  // One finding of the previous assessment.
  const results = r
    .sample(elements, 8)
    .map(
      (e) =>
        `  "${e.id}":\n    rating: ${r.pick(["partial-compliance", "compliance-plus", "partial-compliance"])}\n    comment: ${block(prose(r, r.int(20, 60)), 4)}`,
    );
  write(
    "assessment/findings/2024-03-reassessment.yaml",
    `# yaml-language-server: $schema=../../schemas/finding.schema.json\ndate: 2024-03-14\nkind: reassessment\nassessor: Benchmark Certification (fictional)\nunlisted: compliance\nresults:\n${results.join("\n")}\n`,
  );

  return { items, caseStudies: studies, attachments, elements: elements.length };
}

function parseArgs(argv) {
  const opts = { items: 300, seed: 1, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--items") opts.items = Number(argv[++i]);
    else if (a === "--seed") opts.seed = Number(argv[++i]);
    else if (a === "--out") opts.out = argv[++i];
    else if (a === "--help" || a === "-h") {
      process.stdout.write("usage: node bench/generate.js --items N --out DIR [--seed S]\n");
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!opts.out) throw new Error("--out DIR is required");
  if (!Number.isInteger(opts.items) || opts.items < 1)
    throw new Error("--items takes a whole number of at least 1");
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const made = generate(opts);
    process.stdout.write(
      `wrote ${made.items} evidence items, ${made.caseStudies} case studies, ${made.attachments} attachments to ${opts.out}\n`,
    );
  } catch (err) {
    process.stderr.write(`generate: ${err.message}\n`);
    process.exitCode = 2;
  }
}
