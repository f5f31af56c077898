import { createHash } from "node:crypto";
import type { SourceTree } from "../../load/source-tree.js";
import { resolveInside, TooLargeError } from "../../load/source-tree.js";
import { YAML_LIMITS } from "../../load/yaml-file.js";
import type { Submission } from "../../model/types.js";
import type { AttachmentFacts } from "../../pack/build-document.js";
import { CliError, EXIT } from "../exit-codes.js";
import { errorReason } from "../../util/error-reason.js";

/** The introduction's Markdown (build.introduction, relative to the root), or null when none is set. */
export function readIntroduction(tree: SourceTree, s: Submission): string | null {
  const intro = s.config.build.introduction;
  if (intro === null) return null;
  const file = resolveInside("", intro);
  if (file === null) throw new CliError(`build.introduction "${intro}" is outside the submission's root`);
  try {
    return new TextDecoder("utf-8").decode(tree.read(file, YAML_LIMITS.maxBytes));
  } catch (err) {
    if (err instanceof TooLargeError)
      throw new CliError(
        `build.introduction "${intro}" is larger than the ${YAML_LIMITS.maxBytes / 1024 / 1024} MiB cse reads; ` +
          "shorten it",
        EXIT.FINDINGS,
      );
    throw new CliError(`build.introduction "${intro}" cannot be read (${errorReason(err)})`);
  }
}

/** Size and SHA-256 of every attachment of the items going into the pack, by root-relative path. */
export function hashAttachments(
  tree: SourceTree,
  s: Submission,
  includeDrafts: boolean,
): Map<string, AttachmentFacts> {
  const facts = new Map<string, AttachmentFacts>();
  for (const item of [...s.evidence, ...s.caseStudies]) {
    if (item.status === "draft" && !includeDrafts) continue;
    for (const f of item.files) {
      if (f.resolved === null || facts.has(f.resolved)) continue;
      let bytes: Uint8Array;
      try {
        bytes = tree.read(f.resolved);
      } catch (err) {
        throw new CliError(`the attachment ${f.resolved} of ${item.id} cannot be read (${errorReason(err)})`);
      }
      facts.set(f.resolved, { size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
    }
  }
  return facts;
}
