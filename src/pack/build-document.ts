import type { Submission } from "../model/types.js";
import type {
  Attachment,
  ContentsEntry,
  Cover,
  Fact,
  Mention,
  PackDocument,
  Section,
} from "./document-model.js";
import { caseStudiesSection } from "./item-sections.js";
import { evidenceIndexSection } from "./evidence-index.js";
import { documentControlSection, glossarySection, organisationSection } from "./front-matter.js";
import { buildRecordSection } from "./build-record.js";
import { markAbbreviations } from "./abbreviations.js";
import { criterionSections } from "./element-sections.js";
import { glanceSection } from "./glance-section.js";
import { text } from "./inline.js";
import { markdownBlock, splitTitle } from "./markdown-block.js";
import { packContext, type PackContext, type PackInputs } from "./pack-context.js";
import { progressSection } from "./progress-section.js";
import { serviceStandardsSection } from "./service-standards-section.js";
import { sinceSection } from "./since-section.js";
import { narrowToScope, visitScopeSection } from "./visit-scope-section.js";
import { anchorOf } from "./anchors.js";

export type { PackInputs, AttachmentFacts } from "./pack-context.js";

const KIND_LABELS = {
  initial: "Initial assessment",
  "annual-review": "Annual review",
  reassessment: "Reassessment",
} as const;

/**
 * Builds the submission pack's document from a valid submission: cover, contents, document
 * control, introduction, the organisation and its customers, at a glance, (v2) the visit's scope
 * (with --scope visit), changes since an earlier revision (with --since), progress since the last
 * assessment, one section per criterion, sub-criterion and element, (v2) the service standards,
 * the case studies, the evidence index, the glossary and the appendix of how it was built. Pure:
 * the caller reads the introduction and hashes the attachments.
 */
export function buildDocument(full: Submission, inputs: PackInputs): PackDocument {
  const s = inputs.scope ? narrowToScope(full, inputs.scope) : full;
  const ctx = packContext(s, inputs);
  const attachments: Attachment[] = [];
  const sections: Section[] = [];
  const control = documentControlSection(ctx);
  if (control) sections.push(control);
  if (inputs.introduction !== null) sections.push(introductionSection(inputs.introduction));
  sections.push(organisationSection(ctx), glanceSection(ctx));
  if (inputs.scope) sections.push(visitScopeSection(ctx, inputs.scope, full.elements.length));
  if (inputs.since) sections.push(sinceSection(ctx, inputs.since));
  sections.push(progressSection(ctx), ...criterionSections(ctx));
  const standards = serviceStandardsSection(ctx, s.serviceStandards);
  if (standards) sections.push(standards);
  sections.push(caseStudiesSection(ctx, attachments), evidenceIndexSection(ctx, attachments));
  const glossary = glossarySection(ctx);
  if (glossary) sections.push(glossary);
  sections.push(buildRecordSection(ctx));
  markAbbreviations(sections, s.config.glossary);
  return {
    language: s.config.build.language,
    title: s.config.title,
    organisation: s.config.organisation,
    build: inputs.build,
    cover: cover(ctx),
    contents: contentsOf(sections),
    sections,
    mentions: mentionsOf(ctx),
    attachments,
  };
}

function introductionSection(source: string): Section {
  const { title, body } = splitTitle(source);
  return {
    anchor: "introduction",
    kind: "introduction",
    level: 2,
    title: title || "Introduction",
    shortTitle: "Introduction",
    inContents: true,
    blocks: [markdownBlock(body, 3)],
    children: [],
  };
}

function cover(ctx: PackContext): Cover {
  const { config, standard } = ctx.s;
  const { build } = ctx.inputs;
  const kind = config.assessment.kind ? KIND_LABELS[config.assessment.kind] : null;
  const std = standard.edition ? `${standard.title} (${standard.edition})` : standard.title;
  // The subtitle names the standard and the kind of assessment; the facts add the rest.
  const facts: Fact[] = [];
  if (config.assessment.date)
    facts.push({ term: "Visit day", value: [text(ctx.date(config.assessment.date))] });
  if (config.assessment.assessor) facts.push({ term: "Assessor", value: [text(config.assessment.assessor)] });
  const d = config.document;
  if (d)
    facts.push({
      term: "Version",
      value: [text(`${d.version}, ${d.status === "final" ? "final" : "draft"}`)],
    });
  facts.push({ term: "Built", value: [text(ctx.date(build.date))] });
  return {
    title: config.title,
    organisation: config.organisation,
    subtitle: kind ? `${std}: ${kind.toLowerCase()}` : std,
    facts,
    notice: build.includeDrafts
      ? "This pack includes draft evidence and case studies, marked Draft. It is a working copy, not the submission."
      : null,
  };
}

function contentsOf(sections: Section[]): ContentsEntry[] {
  return sections
    .filter((s) => s.inContents)
    .map((s) => ({ anchor: s.anchor, title: s.title, children: contentsOf(s.children) }));
}

function mentionsOf(ctx: PackContext): Mention[] {
  const mentions: Mention[] = [
    ...ctx.s.elements.map((e) => ({ text: e.id, anchor: anchorOf.element(e.id) })),
    ...ctx.evidence.map((e) => ({ text: e.id, anchor: anchorOf.evidence(e.id) })),
    ...ctx.caseStudies.map((c) => ({ text: c.id, anchor: anchorOf.caseStudy(c.id) })),
    ...ctx.s.serviceStandards.map((ss) => ({ text: ss.id, anchor: anchorOf.serviceStandard(ss.id) })),
  ];
  return mentions.sort(
    (a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
}
