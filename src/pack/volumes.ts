// A pack of tens of thousands of pages is not something an assessor can open. Split by
// criterion, it becomes a set of documents ("volumes"), each rendered like a pack of its own:
// the contents volume (what the assessor opens first), the front matter, one volume per
// criterion, the service standards, the case studies, the evidence index and the appendices.
// Every anchor of the pack belongs to exactly one volume; `volume.anchors` says which, so a
// renderer can turn a link to an anchor elsewhere into a link to that volume's file.

import type { Block, ContentsEntry, PackDocument, Section, VolumeInfo, VolumeRef } from "./document-model.js";
import { para, ref, text } from "./inline.js";
import { plural } from "../util/plural.js";

/** How `cse build` splits the pack: not at all (one file), or into volumes by criterion. */
export type SplitMode = "none" | "criterion";

/** The ways to split, as `--split` and `build.split` take them. */
export const SPLIT_MODES: readonly SplitMode[] = ["none", "criterion"];

/** The anchor of the contents volume's list of volumes. */
export const VOLUMES_ANCHOR = "volumes";

interface Group {
  key: string;
  title: string;
  sections: Section[];
}

/**
 * Splits a pack into volumes by criterion: the contents volume first, then the front matter
 * (everything before the first criterion: document control, introduction, organisation, at a
 * glance, progress …), one volume per criterion, the service standards, the case studies, the
 * evidence index, and the appendices (glossary, how the pack was built); the case studies and
 * the evidence index run on in further volumes beyond `limits`. Each volume keeps the cover,
 * with the volume named on it, and has contents of its own sections.
 */
export function splitByCriterion(doc: PackDocument, limits: VolumeLimits = LIMITS): PackDocument[] {
  const groups = groupSections(doc.sections, limits);
  const width = Math.max(2, String(groups.length).length);
  const fileOf = (n: number, key: string) => `${String(n).padStart(width, "0")}-${key}`;
  const volumes: VolumeRef[] = [
    { number: 0, file: fileOf(0, "contents"), title: "Contents", first: VOLUMES_ANCHOR },
    ...groups.map((g, i) => ({
      number: i + 1,
      file: fileOf(i + 1, g.key),
      title: g.title,
      first: g.sections[0]!.anchor,
    })),
  ];
  const anchors: Record<string, number> = {};
  groups.forEach((g, i) => {
    for (const s of g.sections) collectAnchors(s, i + 1, anchors);
  });
  const contentsSection = volumesSection(doc, groups, volumes);
  collectAnchors(contentsSection, 0, anchors);
  const info = (number: number): VolumeInfo => ({ number, volumes, anchors });
  const count = groups.length;
  const contentsVolume: PackDocument = {
    ...doc,
    title: `${doc.title} \u2013 contents`,
    cover: withFact(doc, "Volume", `The contents of the pack's ${plural(count, "volume")}: open this first`),
    contents: contentsOfSections(doc.contents, [contentsSection]),
    sections: [contentsSection],
    attachments: [],
    volume: info(0),
  };
  return [
    contentsVolume,
    ...groups.map((g, i): PackDocument => {
      const inside = new Set<string>();
      for (const s of g.sections) collectAnchors(s, 0, inside);
      return {
        ...doc,
        title: `${doc.title} \u2013 volume ${i + 1}, ${g.title}`,
        cover: withFact(doc, "Volume", `${i + 1} of ${count}: ${g.title}`),
        contents: contentsOfSections(doc.contents, g.sections),
        sections: withWayBack(g.sections, i + 1, count),
        attachments: doc.attachments.filter((a) => inside.has(a.owner)),
        volume: info(i + 1),
      };
    }),
  ];
}

/** The volume holding `anchor` when it is not the document's own; null in a single-file pack. */
export function volumeElsewhere(doc: PackDocument, anchor: string): VolumeRef | null {
  const v = doc.volume;
  if (!v || !Object.hasOwn(v.anchors, anchor)) return null;
  const n = v.anchors[anchor]!;
  return n === v.number ? null : (v.volumes[n] ?? null);
}

/**
 * How many entries a volume of the case studies or of the evidence index holds at most: beyond
 * that they run on in further volumes ("Evidence index, part 2 of 30"), so that no volume of a
 * very large submission is too long to open. Every case study starts a page; evidence items run on.
 */
export interface VolumeLimits {
  caseStudies: number;
  evidence: number;
}

const LIMITS: VolumeLimits = { caseStudies: 500, evidence: 1000 };

function groupSections(sections: readonly Section[], limits: VolumeLimits): Group[] {
  const groups: Group[] = [];
  let seenCriterion = false;
  const add = (key: string, title: string, section: Section) => {
    const last = groups[groups.length - 1];
    if (last?.key === key) last.sections.push(section);
    else groups.push({ key, title, sections: [section] });
  };
  for (const s of sections) {
    if (s.kind === "criterion") {
      seenCriterion = true;
      add(`criterion-${fileSafe(s.anchor.replace(/^crit-/, ""))}`, s.title, s);
    } else if (s.kind === "case-studies" || s.kind === "evidence-index") {
      const parts = partsOf(s, s.kind === "case-studies" ? limits.caseStudies : limits.evidence);
      for (const [i, part] of parts.entries())
        if (parts.length === 1) add(s.kind, s.title, part);
        else add(`${s.kind}-${i + 1}`, `${s.title}, part ${i + 1} of ${parts.length}${rangeOf(part)}`, part);
    } else if (s.kind === "service-standards") {
      add(s.kind, s.title, s);
    } else if (!seenCriterion) add("front-matter", "Front matter", s);
    else add("appendices", "Appendices", s);
  }
  return groups;
}

/**
 * A section of many entries cut into parts of at most `size` entries: the first keeps the
 * heading and what comes before the entries (the index table), each further part is a section
 * of its own ("Evidence index, part 2: E01001 to E02000") holding the entries that follow.
 */
function partsOf(s: Section, size: number): Section[] {
  const per = Math.max(1, Math.floor(size));
  if (s.children.length <= per) return [s];
  const parts: Section[] = [];
  for (let i = 0; i < s.children.length; i += per) {
    const children = s.children.slice(i, i + per);
    const n = parts.length + 1;
    parts.push(
      n === 1
        ? { ...s, children }
        : {
            anchor: `${s.anchor}-part-${n}`,
            kind: s.kind,
            level: s.level,
            title: `${s.title}, part ${n}${rangeOf({ children })}`,
            shortTitle: `${s.shortTitle}, part ${n}`,
            inContents: true,
            blocks: [],
            children,
          },
    );
  }
  return parts;
}

/** ": E01001 to E02000", from the short titles of a part's first and last entries of its kind. */
function rangeOf(part: Pick<Section, "children">): string {
  const entries = part.children.filter((c) => c.kind === "evidence" || c.kind === "case-study");
  const first = entries[0]?.shortTitle;
  const last = entries[entries.length - 1]?.shortTitle;
  if (first === undefined || last === undefined) return "";
  return first === last ? `: ${first}` : `: ${first} to ${last}`;
}

/** A criterion id as part of a file name: the anchor's characters, shortened. */
function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 40) || "criterion";
}

function collectAnchors(s: Section, n: number, into: Record<string, number> | Set<string>): void {
  if (into instanceof Set) into.add(s.anchor);
  else into[s.anchor] = n;
  for (const c of s.children) collectAnchors(c, n, into);
}

/**
 * The volume's sections, the first opening with a note that says which volume this is and links
 * to the list of every volume, so a reader who opened it directly can find the others.
 */
function withWayBack(sections: readonly Section[], n: number, count: number): Section[] {
  const [first, ...rest] = sections;
  if (!first) return [];
  const note = para(
    [text(`This is volume ${n} of ${count} of the pack. `), ref(VOLUMES_ANCHOR, "Every volume"), text(".")],
    "note",
  );
  return [{ ...first, blocks: [note, ...first.blocks] }, ...rest];
}

function withFact(doc: PackDocument, term: string, value: string): PackDocument["cover"] {
  return { ...doc.cover, facts: [{ term, value: [text(value)] }, ...doc.cover.facts] };
}

/** The pack's contents entries of these top-level sections, or entries made for sections the pack lacks. */
function contentsOfSections(
  entries: readonly ContentsEntry[],
  sections: readonly Section[],
): ContentsEntry[] {
  const byAnchor = new Map(entries.map((e) => [e.anchor, e]));
  return sections
    .filter((s) => s.inContents)
    .map((s) => {
      const entry = byAnchor.get(s.anchor);
      if (!entry) return { anchor: s.anchor, title: s.title, children: entriesOf(s) };
      // The first part of a section cut into parts keeps its anchor, but only some of its
      // entries: the pack's entry lists them all, and those in later parts are not in this file.
      const inside = new Set<string>();
      collectAnchors(s, 0, inside);
      return onlyInside(entry, inside);
    });
}

function onlyInside(entry: ContentsEntry, inside: ReadonlySet<string>): ContentsEntry {
  if (entry.children.every((c) => inside.has(c.anchor) && c.children.length === 0)) return entry;
  return {
    ...entry,
    children: entry.children.filter((c) => inside.has(c.anchor)).map((c) => onlyInside(c, inside)),
  };
}

function entriesOf(s: Section): ContentsEntry[] {
  return s.children
    .filter((c) => c.inContents)
    .map((c) => ({ anchor: c.anchor, title: c.title, children: entriesOf(c) }));
}

/** The contents volume's one section: every volume, each with the parts it holds as links into it. */
function volumesSection(doc: PackDocument, groups: Group[], volumes: VolumeRef[]): Section {
  const intro = para([
    text(
      `This pack is in ${plural(groups.length, "volume")}, each a file of its own in the same folder, ` +
        "its name starting with its number. Open a volume's parts below to go to them.",
    ),
  ]);
  return {
    anchor: VOLUMES_ANCHOR,
    kind: "volumes",
    level: 2,
    title: "The volumes of this pack",
    shortTitle: "Volumes",
    inContents: true,
    blocks: [intro],
    children: groups.map((g, i) => {
      const v = volumes[i + 1]!;
      const parts = contentsOfSections(doc.contents, g.sections);
      const blocks: Block[] = [para([text("File: "), { type: "code", text: v.file }])];
      blocks.push(
        entryList(
          parts.length > 0 ? parts : [{ anchor: v.first, title: g.sections[0]!.title, children: [] }],
        ),
      );
      return {
        anchor: `volume-${v.file}`,
        kind: "volume",
        level: 3,
        title: `Volume ${v.number}: ${v.title}`,
        shortTitle: `Volume ${v.number}`,
        inContents: true,
        blocks,
        children: [],
      };
    }),
  };
}

function entryList(entries: readonly ContentsEntry[]): Block {
  return {
    type: "list",
    items: entries.map((e) => {
      const item: Block[] = [para([ref(e.anchor, e.title)])];
      if (e.children.length > 0) item.push(entryList(e.children));
      return item;
    }),
  };
}
