import type { PeriodKind, TargetDirection, TargetUnit } from "../model/raw-types.js";
import { yamlComment, yamlQuoted, yamlString } from "./yaml-text.js";

/** What `cse new service-standard` knows about a new service standard. */
export interface NewServiceStandard {
  id: string;
  /** The promise as customers read it. */
  title: string;
  /** Element ids, known to exist. */
  elements: string[];
  /** Person id, or absent. */
  owner?: string;
  /** Section ids; empty: the whole organisation. */
  sections: string[];
  target: { value: number; unit: TargetUnit; direction: TargetDirection };
  period: PeriodKind;
  /** The schema's path relative to the new file's folder, for the editor's schema line. */
  schema: string;
}

const EXAMPLE = { month: "2026-11", quarter: "2026-Q3", year: "2026" } as const;

/** The YAML of a new service standard: every field, no results yet, and how to record one. */
export function serviceStandardYaml(ss: NewServiceStandard): string {
  const t = ss.target;
  return (
    [
      `# yaml-language-server: $schema=${ss.schema}`,
      "#",
      yamlComment(
        "A service standard: a promise published to customers, and its results. Record a result\n" +
          `with  cse record ${ss.id} ${EXAMPLE[ss.period]} 93.4  (it goes under results:).`,
      ),
      `id: ${yamlString(ss.id)}`,
      `title: ${yamlString(ss.title)}`,
      ss.owner
        ? `owner: ${yamlString(ss.owner)}`
        : "# owner: person-id              # a person id from cse.yaml",
      ss.sections.length
        ? `sections: [${ss.sections.map(yamlString).join(", ")}]`
        : "# sections: [section-id]        # absent: the whole organisation",
      `elements: [${ss.elements.map(yamlQuoted).join(", ")}]`,
      `target: { value: ${t.value}, unit: ${t.unit}, direction: ${t.direction} }`,
      `period: ${ss.period}                  # one result a ${ss.period}`,
      "results: []",
    ].join("\n") + "\n"
  );
}
