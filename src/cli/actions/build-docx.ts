import v8 from "node:v8";
import type { PackDocument } from "../../pack/document-model.js";
import { renderDocx } from "../../render/docx/render-docx.js";
import { collectGarbage, keepHeapClose } from "../../util/collect-garbage.js";

/** The Word pack: a function of the document alone (attachments are named, not embedded). */
export async function renderDocxPack(doc: PackDocument): Promise<Uint8Array> {
  keepHeapClose(heapGrowingPercent(liveHeap()));
  return renderDocx(doc);
}

const MB = 1024 * 1024;

/**
 * What is live on V8's heap, as near as the percent needs it: what is used, after a full
 * collection only when what is used (live and garbage) would ask for more than MIN_PERCENT (a small
 * pack is spared the collection; keepHeapClose collects once anyway).
 */
function liveHeap(): number {
  const used = v8.getHeapStatistics().used_heap_size;
  if (heapGrowingPercent(used) === MIN_PERCENT && used < SMALL_HEAP * MB) return used;
  collectGarbage();
  return v8.getHeapStatistics().used_heap_size;
}

/** Below this many MB used, a heap asking for MIN_PERCENT holds no more live than that asks for. */
const SMALL_HEAP = 300;

/**
 * How far V8's heap may grow beyond what was live after a full collection, in the Word build,
 * given what is live as it starts (nearly all of it the pack's model: about 60 MB at 3,000 items,
 * 145 MB at 10,000, 370 MB at 30,000). The document is made and written a piece at a time, so
 * little more stays live, but each piece's objects, formatted tree and XML are garbage, and each
 * full collection marks everything live: the fewer of them, the less work.
 *
 * V8 lets the heap grow by the percent plus a fixed step of its own (about 40 MB, with the young
 * generation): at 3,000 items 30% let it grow by about 90% of what was live, at 30,000 by 40%, so
 * a large pack was collected twice as often for its size, on a heap seven times larger, and the
 * build's time grew faster than the pack. So the percent is what lets the heap grow by about
 * EFFECTIVE_GROWTH of what is live, step included (never below MIN_PERCENT), as long as the heap
 * limit stays under HEAP_BUDGET (which keeps the process under 1 GiB): 30% up to about 6,000
 * items, about 59% at 30,000 (docs/benchmarks.md, issue 22).
 */
export function heapGrowingPercent(liveBytes: number): number {
  const live = Math.max(1, liveBytes / MB);
  const wanted = EFFECTIVE_GROWTH - (V8_STEP / live) * 100;
  const room = ((HEAP_BUDGET - V8_STEP - live) / live) * 100;
  return Math.round(Math.max(MIN_PERCENT, Math.min(wanted, room)));
}

/** The heap's growth past what is live aimed at, in percent of what is live (V8's step included). */
const EFFECTIVE_GROWTH = 70;
/** V8's own step beyond the percent, in MB (about what --trace-gc shows). */
const V8_STEP = 40;
/** The largest heap limit aimed at, in MB: with the rest of the process, under 1 GiB. */
const HEAP_BUDGET = 720;
/** The percent never goes below this (the setting the Word build had at every size before). */
const MIN_PERCENT = 30;
