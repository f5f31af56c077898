import type { Submission } from "../model/types.js";

/** One element whose owner changes. */
export interface OwnerChange {
  element: string;
  /** The owner before, or null when it had none. */
  from: string | null;
  /** Root-relative self-assessment file the owner is written to. */
  file: string;
  /** Whether the file does not exist yet. */
  newFile: boolean;
}

/** What `cse assign` will do. */
export interface OwnerPlan {
  /** The person id given. */
  person: string;
  /** In standard order. */
  changes: OwnerChange[];
  /** Elements the person owns already. */
  already: string[];
  /** Elements left to their owner because only elements without one were asked for. */
  kept: { element: string; owner: string }[];
}

/**
 * Plans giving `elements` (ids, in standard order) to `person`. An element already self-assessed
 * gets its owner in the file that assesses it; one without an entry goes to the file that
 * assesses other elements of its criterion, else to assessment/criterion-<id>.yaml, the file
 * `cse init` writes for that criterion.
 */
export function planOwners(
  s: Submission,
  person: string,
  elements: string[],
  onlyUnowned: boolean,
): OwnerPlan {
  const plan: OwnerPlan = { person, changes: [], already: [], kept: [] };
  for (const id of elements) {
    const entry = s.selfAssessments.get(id);
    const owner = entry?.owner ?? null;
    if (owner === person) plan.already.push(id);
    else if (owner !== null && onlyUnowned) plan.kept.push({ element: id, owner });
    else if (entry) plan.changes.push({ element: id, from: owner, file: entry.src.file, newFile: false });
    else plan.changes.push({ element: id, from: null, ...homeOf(s, id) });
  }
  return plan;
}

function homeOf(s: Submission, element: string): { file: string; newFile: boolean } {
  const criterion = s.elementById.get(element)?.criterionId;
  const sibling = s.selfAssessmentEntries.find(
    (e) => s.elementById.get(e.element)?.criterionId === criterion,
  );
  if (sibling) return { file: sibling.src.file, newFile: false };
  const file = `assessment/criterion-${criterion}.yaml`;
  return { file, newFile: s.tree.stat(file).kind !== "file" };
}
