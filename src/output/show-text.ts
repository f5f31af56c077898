import type { Details, ElementDetails, GroupDetails, ItemDetails, ItemRef } from "../inspect/details.js";
import type { Labels } from "./labels.js";
import { padEnd, shorten } from "./text-width.js";
import { table, TEXT_WIDTH, wrap } from "./text-layout.js";
import { plural as count } from "../util/plural.js";

// `cse show` as text: a heading, labelled fields, then the Markdown as written, indented and
// wrapped to 80 columns. Paths are root-relative so they can be opened straight away.

/** The details of an element, item, criterion or sub-criterion as text. */
export function formatDetailsText(d: Details, labels: Labels): string {
  let lines: string[];
  switch (d.kind) {
    case "element":
      lines = element(d, labels);
      break;
    case "evidence":
    case "case-study":
      lines = item(d, labels);
      break;
    default:
      lines = group(d);
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n") + "\n";
}

function element(d: ElementDetails, labels: Labels): string[] {
  const lines = [
    `Element ${d.id}`,
    shorten(
      `${d.criterion.id} ${d.criterion.title} › ${d.subcriterion.id} ${d.subcriterion.title}`,
      TEXT_WIDTH,
    ),
    "",
    ...wrap(d.text, TEXT_WIDTH, "  "),
  ];
  if (d.guidance) lines.push("", "Guidance", ...wrap(d.guidance, TEXT_WIDTH, "  "));
  lines.push("");
  const a = d.selfAssessment;
  if (!a) lines.push("Self-assessment: none yet (add it under assessment/)");
  else {
    lines.push(
      `Self-assessment (${a.file})`,
      ...fields([
        ["Owner", a.owner ? labels.person(a.owner) : "none"],
        ["Rating", a.rating ? labels.rating(a.rating) : "none"],
      ]),
    );
    lines.push(
      ...(a.statement
        ? ["  Statement", ...wrap(a.statement, TEXT_WIDTH, "    ")]
        : fields([["Statement", "none"]])),
    );
    if (a.actions.length) {
      lines.push("  Actions");
      for (const x of a.actions) {
        const who = [x.owner, x.due ? `due ${x.due}` : null].filter(Boolean).join(", ");
        lines.push(
          ...wrap(`[${x.done ? "x" : " "}] ${x.title}${who ? ` (${who})` : ""}`, TEXT_WIDTH, "    "),
        );
      }
    }
  }
  if (d.finding) {
    const f = d.finding;
    lines.push(
      "",
      ...wrap(
        `Latest finding (${f.date}${f.kind ? `, ${f.kind}` : ""}): ` +
          `${labels.rating(f.rating)}${f.unlisted ? ", its rating of every element it did not list" : ""}`,
        TEXT_WIDTH,
      ),
    );
    if (f.comment) lines.push(...wrap(f.comment, TEXT_WIDTH, "  "));
  }
  const ready = d.citedBy.filter((r) => r.status === "ready");
  const ev = ready.filter((r) => r.kind === "evidence").length;
  lines.push(
    "",
    d.citedBy.length === 0
      ? "Cited by nothing yet"
      : `Cited by ${count(ev, "evidence item")} and ${count(ready.length - ev, "case study", "case studies")}` +
          draftsAlso(d.citedBy.length - ready.length),
  );
  lines.push(...refs(d.citedBy));
  return lines;
}

function item(d: ItemDetails, labels: Labels): string[] {
  const lines = [`${d.kind === "evidence" ? "Evidence item" : "Case study"} ${d.id}: ${d.title}`, ""];
  lines.push(
    ...fields([
      ["File", d.file],
      ...(d.kind === "evidence" ? [["Type", d.type ?? "none"] as [string, string]] : []),
      ["Date", `${d.date ?? "none"}${d.expires ? `, expires ${d.expires}` : ""}`],
      ["Status", d.status === "draft" ? "draft (not counted by gaps, not in the pack)" : "ready"],
      ["Owner", d.owner ? labels.person(d.owner) : "none"],
      ["Sections", d.sections.length ? d.sections.map(labels.section).join(", ") : "the whole organisation"],
      ...d.files.map((f, i) => [i === 0 ? "Files" : "", f] as [string, string]),
      ...d.links.map((l, i) => [i === 0 ? "Links" : "", l] as [string, string]),
    ]),
  );
  if (d.description) lines.push("", "Description", ...wrap(d.description, TEXT_WIDTH, "  "));
  if (d.summary) lines.push("", "Summary", ...wrap(d.summary, TEXT_WIDTH, "  "));
  if (d.narrative) lines.push("", "Narrative", ...wrap(d.narrative, TEXT_WIDTH, "  "));
  lines.push("", `Names ${count(d.elements.length, "element")}`);
  const idWidth = Math.max(0, ...d.elements.map((e) => e.id.length));
  for (const e of d.elements) {
    lines.push(
      `  ${padEnd(e.id, idWidth)}  ${shorten(e.text ?? "(not an element of the standard)", TEXT_WIDTH - idWidth - 4)}`,
    );
    if (e.note) lines.push(...wrap(e.note, TEXT_WIDTH, " ".repeat(idWidth + 4)));
  }
  if (d.kind === "evidence") {
    lines.push(
      "",
      d.related.length
        ? `Named by ${count(d.related.length, "case study", "case studies")}`
        : "Named by no case study",
    );
  } else {
    lines.push(
      "",
      d.related.length
        ? `Backed by ${count(d.related.length, "evidence item")}`
        : "Backed by no evidence item (add evidence: [E001, ...])",
    );
  }
  lines.push(
    ...d.related.map((r) =>
      row(
        r.id,
        r.title === null ? "(no such evidence item)" : `${r.title}${r.status === "draft" ? " (draft)" : ""}`,
        r.file,
      ),
    ),
  );
  return lines;
}

function group(d: GroupDetails): string[] {
  const lines = [`${d.kind === "criterion" ? "Criterion" : "Sub-criterion"} ${d.id}: ${d.title}`];
  if (d.summary) lines.push("", ...wrap(d.summary, TEXT_WIDTH, "  "));
  const rows = d.elements.map((e) => [e.id, String(e.evidence), String(e.caseStudies), e.text]);
  lines.push(
    "",
    ...table(
      [{ heading: "ID" }, { heading: "EV" }, { heading: "CS" }, { heading: "ELEMENT" }],
      rows,
      TEXT_WIDTH - 2,
    ).map((l) => `  ${l}`),
  );
  return lines;
}

function refs(list: ItemRef[]): string[] {
  return list.flatMap((r) => [
    row(r.id, `${r.title}${r.status === "draft" ? " (draft)" : ""}`, r.file),
    ...(r.note ? wrap(r.note, TEXT_WIDTH, "        ") : []),
  ]);
}

function row(id: string, title: string, file: string | null): string {
  return `  ${padEnd(id, 5)} ${shorten(title, TEXT_WIDTH - 8)}${file ? `\n        ${file}` : ""}`;
}

/** ", and 2 drafts" after the ready items that cite something, or nothing. */
function draftsAlso(drafts: number): string {
  return drafts > 0 ? `, and ${count(drafts, "draft")}` : "";
}

function fields(pairs: [string, string][]): string[] {
  return pairs.flatMap(([label, value]) =>
    wrap(value, TEXT_WIDTH - 13).map((l, i) => `  ${padEnd(i === 0 ? label : "", 10)} ${l}`),
  );
}
