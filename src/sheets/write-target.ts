// cse import decides where it may write with the rule every writing command uses: each folder
// on the way resolved, links included, at the moment of writing (util/write-inside-root.ts).
export { resolveWriteTarget } from "../util/write-inside-root.js";
