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

/**
 * Asks V8 to grow its heap by at most `percent` beyond what was live after each full collection,
 * and collects once so the setting is in force at once. Laying out a PDF or writing a Word
 * document a piece at a time makes garbage fast while little of it stays live, and V8's own
 * heuristics let the heap grow to three or four times the live size before collecting (the PDF
 * at 3,000 items peaked at 890 MB with about 260 MB live; the Word document at 30,000 items at
 * 2.6 GiB with about 430 MB live). V8 reads the setting only when it sets its next limit, at the
 * end of a full collection, and the collection before rendering a large pack (build.ts) set it
 * with its own factor: at 10,000 items the PDF build's heap then grew from 130 to 530 MB of
 * garbage before the next. It is a setting of the whole process, so it holds for the rest of the
 * run (the last format's setting when a build writes several); asked again for the same percent,
 * it does nothing (the split PDF asks per volume).
 */
export function keepHeapClose(percent: number): void {
  if (heapGrowingPercent === percent) return;
  heapGrowingPercent = percent;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  collectGarbage();
}

let heapGrowingPercent: number | null = null;

/** Items (evidence and case studies) from which a pack counts as large for collectGarbage. */
export const LARGE_PACK = 5_000;
