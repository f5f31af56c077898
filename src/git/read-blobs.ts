import { git, GitError } from "./git-command.js";

/**
 * Reads many blobs through one `git cat-file --batch`: every object id goes in on standard
 * input, and the objects come back one after another (`<id> <type> <size>\n<bytes>\n`), so a
 * revision costs one process however many files it has. Returns the contents by object id.
 * An object that does not come back whole (a damaged repository: a header promising more bytes
 * than follow) is a GitError naming it, through `describe` (id → the file's path), never a
 * silently shortened file.
 */
export function readBlobs(
  cwd: string,
  ids: Iterable<string>,
  describe: (id: string) => string = (id) => `object ${id}`,
): Map<string, Buffer> {
  const wanted = [...new Set(ids)];
  const blobs = new Map<string, Buffer>();
  if (wanted.length === 0) return blobs;
  const out = git(cwd, ["cat-file", "--batch"], undefined, wanted.join("\n") + "\n");
  let at = 0;
  for (const id of wanted) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new GitError(damagedMessage(describe(id), "git stopped before it"));
    const header = out.toString("latin1", at, eol);
    const [gotId, type, sizeText] = header.split(" ");
    if (type === "missing" || gotId !== id || sizeText === undefined || !/^\d+$/.test(sizeText))
      throw new GitError(damagedMessage(describe(id), `git answered "${header.slice(0, 80)}"`));
    const size = Number(sizeText);
    const start = eol + 1;
    if (out.length < start + size + 1 || out[start + size] !== 0x0a)
      throw new GitError(damagedMessage(describe(id), `it says ${size} bytes, but fewer could be read`));
    // subarray shares memory with the whole batch; copy so one kept file does not pin them all.
    blobs.set(id, Buffer.from(out.subarray(start, start + size)));
    at = start + size + 1;
  }
  return blobs;
}

function damagedMessage(what: string, why: string): string {
  return `the git repository is damaged: ${what} cannot be read whole (${why}); run git fsck to find the damage`;
}
