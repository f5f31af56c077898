import { git, GitError } from "./git-command.js";

/**
 * Reads many blobs through one `git cat-file --batch`: every object id goes in on standard
 * input, and the objects come back one after another (`<id> <type> <size>\n<bytes>\n`), so a
 * revision costs one process however many files it has. Returns the contents by object id.
 */
export function readBlobs(cwd: string, ids: Iterable<string>): Map<string, Buffer> {
  const wanted = [...new Set(ids)];
  const blobs = new Map<string, Buffer>();
  if (wanted.length === 0) return blobs;
  const out = git(cwd, ["cat-file", "--batch"], undefined, wanted.join("\n") + "\n");
  let at = 0;
  for (const id of wanted) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new GitError(unreadable(id, "git stopped before it"));
    const header = out.toString("latin1", at, eol);
    const [gotId, type, sizeText] = header.split(" ");
    if (type === "missing" || gotId !== id || sizeText === undefined) {
      throw new GitError(unreadable(id, `git answered "${header}"`));
    }
    const size = Number(sizeText);
    const start = eol + 1;
    // subarray shares memory with the whole batch; copy so one kept file does not pin them all.
    blobs.set(id, Buffer.from(out.subarray(start, start + size)));
    at = start + size + 1;
  }
  return blobs;
}

/** A file of the revision that git could not hand over: a damaged repository, or one changing under cse. */
function unreadable(id: string, what: string): string {
  return (
    `git could not give cse the file with object id ${id} (${what}); the repository may be damaged ` +
    "or changing while cse reads it: run git fsck, or try again when no other git command is running"
  );
}
