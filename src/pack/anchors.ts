// The one home of the pack's anchor ids (see document-model.ts): every section that links to an
// element, item or criterion names it through these, so a link and its target cannot drift apart.

/** Anchor ids by what they point at. */
export const anchorOf = {
  criterion: (id: string) => `crit-${id}`,
  subcriterion: (id: string) => `sc-${id}`,
  element: (id: string) => `el-${id}`,
  evidence: (id: string) => `ev-${id}`,
  caseStudy: (id: string) => `cs-${id}`,
  /** (v2) A service standard's entry in "Our service standards and how we did". */
  serviceStandard: (id: string) => `ss-${id}`,
  /** An element's entry in "Progress since the last assessment". */
  progress: (id: string) => `progress-${id}`,
} as const;
