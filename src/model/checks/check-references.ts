import { didYouMean } from "../../util/closest.js";
import type { Check } from "./context.js";
import { orList } from "./context.js";
import { idsIn } from "./check-duplicate-ids.js";
import { likelyCause } from "./likely-cause.js";

/** `duplicate-assessment`: an element self-assessed in two files (or twice). */
export const checkDuplicateAssessments: Check = (ctx) => {
  const first = new Map<string, string>();
  for (const a of ctx.submission.selfAssessmentEntries) {
    const prior = first.get(a.element);
    if (prior === undefined) {
      first.set(a.element, a.src.file);
      continue;
    }
    ctx.report(
      a,
      "duplicate-assessment",
      `element "${a.element}" is already self-assessed in ${prior}; ` +
        "assess each element in one file only and merge the two entries",
      { key: true },
    );
  }
};

/** `unknown-element`: evidence, case studies, self-assessments and findings naming an element the standard lacks. */
export const checkElementReferences: Check = (ctx) => {
  const s = ctx.submission;
  if (s.elements.length === 0) return; // a broken standard is reported on its own
  const known = s.elementById;
  const ids = [...known.keys()];
  const message = (id: string, where: string) => {
    const cause = likelyCause(id, [], "element");
    if (cause) return `unknown element "${id}" in ${where}: ${cause}`;
    return `unknown element "${id}" in ${where}: the standard has no such element.${didYouMean(id, ids, 3)}`;
  };
  for (const item of [...s.evidence, ...s.caseStudies]) {
    for (const c of item.elements)
      if (!known.has(c.element)) ctx.report(c, "unknown-element", message(c.element, "`elements`"));
  }
  for (const a of s.selfAssessmentEntries) {
    if (!known.has(a.element))
      ctx.report(a, "unknown-element", message(a.element, "the self-assessment"), { key: true });
  }
  for (const f of s.findings) {
    for (const [id, r] of f.results)
      if (!known.has(id))
        ctx.report(r, "unknown-element", message(id, "the finding's `results`"), { key: true });
  }
};

/** `unknown-evidence`: a case study naming an evidence item that does not exist. */
export const checkEvidenceReferences: Check = (ctx) => {
  const s = ctx.submission;
  const items = new Set(s.evidence.map((e) => e.id));
  const studies = new Set(s.caseStudies.map((c) => c.id));
  for (const cs of s.caseStudies) {
    for (const ref of cs.evidence) {
      if (items.has(ref.id)) continue;
      const why = studies.has(ref.id)
        ? `"${ref.id}" is a case study, and \`evidence\` lists evidence items only`
        : `no evidence item has the id "${ref.id}".${didYouMean(ref.id, items, 3)}`;
      ctx.report(ref, "unknown-evidence", `unknown evidence item in \`evidence\`: ${why}`);
    }
  }
};

/** `unknown-section`: a section id not declared in cse.yaml. */
export const checkSections: Check = (ctx) => {
  const s = ctx.submission;
  const known = new Set(s.config.sections.map((x) => x.id));
  const declared = s.config.sections.map((x) => ({ id: x.id, names: [x.name] }));
  const message = (id: string) => {
    const cause = likelyCause(id, declared, "section");
    if (cause) return `unknown section "${id}": ${cause}`;
    const declares = known.size ? orList([...known]) : "no sections";
    return `unknown section "${id}": cse.yaml declares ${declares}.${didYouMean(id, known, 1)}`;
  };
  for (const item of [...s.evidence, ...s.caseStudies]) {
    item.sections.forEach((id, i) => {
      if (!known.has(id))
        ctx.report({ src: item.src, path: ["sections", i] }, "unknown-section", message(id));
    });
  }
  const cse = s.config.src;
  if (!cse) return;
  for (const p of idsIn(cse, ["people"])) {
    const section = (p.src.data as { people: { section?: unknown }[] }).people[p.path[1] as number]?.section;
    if (typeof section === "string" && !known.has(section))
      ctx.report({ src: cse, path: [...p.path, "section"] }, "unknown-section", message(section));
  }
};

/** `unknown-person`: an owner that is not one of cse.yaml's people. */
export const checkPeople: Check = (ctx) => {
  const s = ctx.submission;
  const known = new Set(s.config.people.map((p) => p.id));
  const declared = s.config.people.map((p) => ({ id: p.id, names: [p.name] }));
  const message = (id: string) => {
    const cause = likelyCause(id, declared, "person");
    if (cause) return `unknown person "${id}": ${cause}`;
    return (
      `unknown person "${id}": add them to \`people\` in cse.yaml, or use a declared id.` +
      didYouMean(id, known, 2)
    );
  };
  for (const item of [...s.evidence, ...s.caseStudies]) {
    if (item.owner !== null && !known.has(item.owner))
      ctx.report({ src: item.src, path: ["owner"] }, "unknown-person", message(item.owner));
  }
  for (const a of s.selfAssessmentEntries) {
    if (a.owner !== null && !known.has(a.owner))
      ctx.report({ src: a.src, path: [...a.path, "owner"] }, "unknown-person", message(a.owner));
    for (const act of a.actions) {
      if (act.owner !== null && !known.has(act.owner))
        ctx.report({ src: act.src, path: [...act.path, "owner"] }, "unknown-person", message(act.owner));
    }
  }
};

/** `unknown-rating`: a rating id the standard lacks, in self-assessments and findings. */
export const checkRatings: Check = (ctx) => {
  const s = ctx.submission;
  if (s.standard.ratings.length === 0) return;
  const known = new Set(s.standard.ratings.map((r) => r.id));
  const declared = s.standard.ratings.map((r) => ({ id: r.id, names: [r.label] }));
  const message = (id: string) => {
    const cause = likelyCause(id, declared, "rating");
    if (cause) return `unknown rating "${id}": ${cause}`;
    return `unknown rating "${id}": the standard's ratings are ${orList([...known])}.${didYouMean(id, known, 1)}`;
  };
  for (const a of s.selfAssessmentEntries) {
    if (a.rating !== null && !known.has(a.rating))
      ctx.report({ src: a.src, path: [...a.path, "rating"] }, "unknown-rating", message(a.rating));
  }
  for (const f of s.findings) {
    if (f.unlisted !== null && !known.has(f.unlisted))
      ctx.report({ src: f.src, path: ["unlisted"] }, "unknown-rating", message(f.unlisted));
    for (const r of f.results.values()) {
      if (!known.has(r.rating))
        ctx.report({ src: r.src, path: [...r.path, "rating"] }, "unknown-rating", message(r.rating));
    }
  }
};
