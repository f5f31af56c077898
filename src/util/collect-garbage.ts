import v8 from "node:v8";
import vm from "node:vm";

let collect: (() => void) | null | undefined;

/**
 * Asks V8 for a full garbage collection now. A build of tens of thousands of items leaves
 * hundreds of MB of garbage behind each stage (the files read, the submission once the pack's
 * document is built, each section's text once written), and V8 collects it only when the heap
 * has grown well past what is live: at 30,000 items the HTML build peaked at 1.3 GiB with about
 * 0.4 GiB live. Collecting between stages, and every few thousand sections, keeps the peak near
 * what is live (0.8 GiB). A full collection takes a fraction of a second on such a heap, so
 * callers ask for it only on large packs (`LARGE_PACK`).
 *
 * Node lends the collector to code only when started with --expose-gc; the flag set at run time
 * gives a new context a `gc` function, which collects the whole process's heap.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      const gc = vm.runInNewContext("gc") as unknown;
      collect = typeof gc === "function" ? (gc as () => void) : null;
    } catch {
      collect = null; // a runtime without it: memory is then V8's to manage, as before
    }
  }
  collect?.();
}

/** Items (evidence and case studies) from which a pack counts as large for collectGarbage. */
export const LARGE_PACK = 5_000;
