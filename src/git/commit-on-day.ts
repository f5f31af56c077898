import { runGit } from "./git-command.js";
import type { Repository } from "./repository.js";

/**
 * The last commit reachable from HEAD made on or before a day (YYYY-MM-DD, to the end of that
 * day on this machine's clock), or null when there is none (history starts later, or a shallow
 * clone stops earlier). Used to compare with the submission as it stood at the last visit.
 */
export function commitOnOrBefore(repo: Repository, day: string): string | null {
  const r = runGit(repo.dir, ["rev-list", "-1", `--before=${day} 23:59:59`, "HEAD", "--"]);
  const id = r.stdout.toString("utf8").trim();
  return r.status === 0 && /^[0-9a-f]{40,64}$/.test(id) ? id : null;
}
