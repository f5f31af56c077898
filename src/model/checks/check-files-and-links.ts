import { isAbsolutePath, resolveInside } from "../../load/source-tree.js";
import type { Check } from "./context.js";

/** `missing-file` and `outside-root`: attachments, cse.yaml's introduction, and where the pack goes. */
export const checkAttachments: Check = (ctx) => {
  const s = ctx.submission;
  for (const item of [...s.evidence, ...s.caseStudies]) {
    for (const f of item.files) {
      if (f.resolved === null) {
        ctx.report(
          f,
          "outside-root",
          `attachment "${f.declared}" is ${whereOutside(f.declared)}; ` +
            "give a path relative to this file that stays inside the submission",
        );
        continue;
      }
      const st = s.tree.stat(f.resolved);
      if (st.kind === "outside")
        ctx.report(
          f,
          "outside-root",
          `attachment "${f.declared}" is a link that leads outside the submission's root; ` +
            "copy the file into the submission instead",
        );
      else if (st.kind === "missing")
        ctx.report(
          f,
          "missing-file",
          `attachment "${f.declared}" does not exist (looked for ${f.resolved}); check the name, or add the file`,
        );
      else if (st.kind === "dir")
        ctx.report(
          f,
          "missing-file",
          `attachment "${f.declared}" is a folder, not a file; name the file itself`,
        );
    }
  }
  const cse = s.config.src;
  const output = s.config.build.output;
  if (cse) {
    // The pack is written only inside the submission unless the user says otherwise with --out:
    // a submission from someone else must not choose where on this machine files are written.
    const resolved = resolveInside("", output);
    if (resolved === null || s.tree.stat(resolved).kind === "outside") {
      ctx.report(
        { src: cse, path: ["build", "output"] },
        "outside-root",
        `\`build.output\` "${output}" is outside the submission's root; ` +
          "cse build writes the pack inside it (such as out), or where --out says",
      );
    }
  }
  const intro = s.config.build.introduction;
  if (intro !== null && cse) {
    const at = { src: cse, path: ["build", "introduction"] };
    const resolved = resolveInside("", intro);
    const st = resolved === null ? null : s.tree.stat(resolved);
    if (resolved === null || st?.kind === "outside")
      ctx.report(
        at,
        "outside-root",
        `\`build.introduction\` "${intro}" is outside the submission's root; keep the introduction inside it`,
      );
    else if (st?.kind !== "file")
      ctx.report(
        at,
        "missing-file",
        `\`build.introduction\` "${intro}" does not exist; write the introduction there or correct the path`,
      );
  }
};

/** `bad-link`: a link that is not an http or https URL. */
export const checkLinks: Check = (ctx) => {
  for (const item of [...ctx.submission.evidence, ...ctx.submission.caseStudies]) {
    item.links.forEach((link, i) => {
      if (!isWebUrl(link)) {
        ctx.report(
          { src: item.src, path: ["links", i] },
          "bad-link",
          `link "${link.length > 80 ? `${link.slice(0, 77)}...` : link}" is not an http or https address; ` +
            "write it in full, such as https://www.example.org/page",
        );
      }
    });
  }
};

/** Whether a string is a well-formed http or https URL with a host. */
export function isWebUrl(link: string): boolean {
  if (!/^https?:\/\//i.test(link)) return false;
  try {
    const u = new URL(link);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/** Why a declared attachment path is not inside the submission. */
function whereOutside(declared: string): string {
  return isAbsolutePath(declared) ? "an absolute path" : "outside the submission's root";
}
