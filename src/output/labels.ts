import type { Submission } from "../model/types.js";

/** Names for ids, so text output can say who and what as well as the id. */
export interface Labels {
  /** "rhys-pritchard (Rhys Pritchard)", or the id alone when it is not declared. */
  person(id: string): string;
  /** "library (Library)", likewise. */
  section(id: string): string;
  /** "partial-compliance (Partial Compliance)", likewise. */
  rating(id: string): string;
}

/** The labels of a submission's people, sections and ratings. */
export function labelsOf(s: Submission): Labels {
  const named = (pairs: { id: string; name?: string; label?: string }[]) => {
    const names = new Map(pairs.map((p) => [p.id, p.name ?? p.label ?? p.id]));
    return (id: string) => {
      const name = names.get(id);
      return name === undefined ? `${id} (not declared)` : name === id ? id : `${id} (${name})`;
    };
  };
  return {
    person: named(s.config.people),
    section: named(s.config.sections),
    rating: named(s.standard.ratings),
  };
}
