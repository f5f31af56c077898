import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The folder of the CSE standard shipped with cse (the package's criteria/), copied by `cse init`. */
export const STANDARD_DIR = fileURLToPath(new URL("../../criteria/", import.meta.url));

/** The shipped standard: its files as they are, and the outline init needs to write the self-assessment. */
export interface BundledStandard {
  /** Files of criteria/, by name, byte for byte. */
  files: { name: string; content: Uint8Array }[];
  /** Rating ids, best first. */
  ratings: string[];
  /** Criteria in file-name order (the shipped names sort in criterion order). */
  criteria: OutlineCriterion[];
}

/** A criterion's outline. */
export interface OutlineCriterion {
  id: string;
  title: string;
  subcriteria: { id: string; title: string; elements: { id: string; text: string }[] }[];
}

/** The shape of the shipped standard's files, as far as the outline reads them. */
interface RawFile {
  id: string;
  title: string;
  ratings?: { id: string }[];
  subcriteria?: { id: string; title: string; elements: { id: string; text: unknown }[] }[];
}

/** Reads the shipped standard. It is part of cse, so a problem with it is a bug, not a user's mistake. */
export function readBundledStandard(dir = STANDARD_DIR): BundledStandard {
  const names = fs
    .readdirSync(dir)
    .filter((n) => !n.startsWith(".") && fs.statSync(dir + n).isFile())
    .sort();
  const files = names.map((name) => ({ name, content: fs.readFileSync(dir + name) }));
  let ratings: string[] = [];
  const criteria: OutlineCriterion[] = [];
  for (const f of files) {
    if (!/\.ya?ml$/.test(f.name)) continue;
    const data = parse(Buffer.from(f.content).toString("utf8")) as RawFile;
    if (/^standard\.ya?ml$/.test(f.name)) ratings = (data.ratings ?? []).map((r) => r.id);
    else
      criteria.push({
        id: data.id,
        title: data.title,
        subcriteria: (data.subcriteria ?? []).map((s) => ({
          id: s.id,
          title: s.title,
          elements: s.elements.map((e) => ({ id: e.id, text: String(e.text).trim() })),
        })),
      });
  }
  return { files, ratings, criteria };
}
