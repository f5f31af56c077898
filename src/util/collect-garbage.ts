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
 * it does nothing (two formats' policies may come to one).
 */
export function keepHeapClose(percent: number): void {
  if (heapGrowingPercent === percent) return;
  heapGrowingPercent = percent;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  collectGarbage();
}

let heapGrowingPercent: number | null = null;

/**
 * Turns off V8's allocation-site pretenuring for the rest of the run. V8 watches where objects
 * are made, and once most of a site's objects have survived a young-generation collection it
 * makes that site's objects in the old generation from then on, where only a full collection
 * frees them. Writing a large pack makes the same few shapes (a run, a paragraph, a formatted
 * element) millions of times, each living only while its piece of the pack is written; a few
 * long pieces (a table row or list citing hundreds of items, which a pack of 30,000 items has
 * and one of 3,000 does not) were enough for V8 to send every later one of them to the old
 * generation. The Word build at 30,000 items promoted 4.0 GB instead of 2.0 GB and made 29 full
 * collections instead of 13, the PDF build 3.3 GB instead of 2.7 GB and 58 instead of 31
 * (docs/benchmarks.md, issue 22). Objects that do live long are still promoted, by surviving two
 * young collections. A setting of the whole process, like keepHeapClose.
 */
export function stopPretenuring(): void {
  if (pretenuringStopped) return;
  pretenuringStopped = true;
  v8.setFlagsFromString("--no-allocation-site-pretenuring");
}

let pretenuringStopped = false;

/**
 * How far a format's build lets V8's heap grow past what is live, sized to what is live as it
 * starts. V8 grows the heap by the percent plus a fixed step of its own (about V8_STEP MB, with
 * the young generation): with one fixed percent, a small pack's heap grew by about 90% of what
 * was live and a large one's by 40%, so the large pack was collected twice as often for its size,
 * on a heap seven times larger, and its build's time grew faster than the pack (Word at 30,000
 * items: 109 full collections at 30%). A policy asks for the percent that lets the heap grow by
 * about `growth` percent of what is live, step included, never below `min`, as long as the
 * heap's limit stays under `budget` MB (which keeps the process under 1 GiB).
 */
export interface HeapPolicy {
  /** The percent never goes below this (the fixed setting the format had at every size). */
  readonly min: number;
  /** The heap's growth past what is live aimed at, in percent of what is live (V8's step included). */
  readonly growth: number;
  /** The largest heap limit aimed at, in MB. */
  readonly budget: number;
}

/**
 * The Word build: 30% up to about 6,000 items, about 55% at 30,000 (live as it starts about
 * 60 MB at 3,000 items and 263 MB at 30,000: 370 MB, and 59%, before the pack's document was
 * made smaller). Asking for more no longer pays: at 30,000 items its 14 full collections take
 * under a second (docs/benchmarks.md, issue 22).
 */
export const WORD_HEAP: HeapPolicy = { min: 30, growth: 70, budget: 720 };

/**
 * The PDF build, for every volume: 20% for a small pack, up to about 100 MB live as rendering
 * starts (at 3,000 items 20% took the peak from 890 to 470 MB for about a tenth more CPU; at 300
 * items 290 -> 190 MB for the same CPU), more above, so a large pack's heap grows by about as
 * much of what is live as a small one's (47% at 30,000 items, about 300 MB live). A policy gave
 * 30% at 30,000 items before the pack's document was made smaller and peaked at 1,010 MiB; with
 * the document smaller the build peaked at 705 MiB (869 before) at 20%, and at 57% took 262 s
 * instead of 377 s, at 828 MiB (the split pack 947 MiB, too close to 1 GiB: hence 47%). Once the
 * split pack let each volume go as it was written, 57% fitted it (829 MiB) but no longer paid:
 * its 30 full collections took 1.7 s of 333 s (docs/benchmarks.md, issue 22).
 */
export const PDF_HEAP: HeapPolicy = { min: 20, growth: 60, budget: 720 };

/** The percent a policy asks for with `liveBytes` live. */
export function heapGrowingPercentFor(liveBytes: number, policy: HeapPolicy): number {
  const live = Math.max(1, liveBytes / MB);
  const wanted = policy.growth - (V8_STEP / live) * 100;
  const room = ((policy.budget - V8_STEP - live) / live) * 100;
  return Math.round(Math.max(policy.min, Math.min(wanted, room)));
}

/**
 * Sets the heap's growing percent by `policy` (keepHeapClose) from what is live: what is used,
 * after a full collection only when what is used (live and garbage) would ask for more than the
 * policy's least (a small pack is spared the collection; keepHeapClose collects once anyway).
 * Once per policy and process: the volumes of a split pack share the percent set as the first
 * volume starts, with the whole pack still live (each volume is let go once written, so later
 * ones have less live and are collected sooner), rather than each paying for the collections
 * that measuring and setting it take.
 */
export function keepHeapCloseBy(policy: HeapPolicy): void {
  if (appliedPolicy === policy) return;
  appliedPolicy = policy;
  let used = v8.getHeapStatistics().used_heap_size;
  if (heapGrowingPercentFor(used, policy) > policy.min || used >= SMALL_HEAP * MB) {
    collectGarbage();
    used = v8.getHeapStatistics().used_heap_size;
  }
  keepHeapClose(heapGrowingPercentFor(used, policy));
}

let appliedPolicy: HeapPolicy | null = null;

const MB = 1024 * 1024;
/** V8's own step beyond the percent, in MB (about what --trace-gc shows). */
const V8_STEP = 40;
/** Below this many MB used, a heap asking for a policy's least holds no more live than that asks for. */
const SMALL_HEAP = 300;

/** Items (evidence and case studies) from which a pack counts as large for collectGarbage. */
export const LARGE_PACK = 5_000;
