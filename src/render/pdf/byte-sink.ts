/**
 * Collects a pdfkit document's output in memory. pdfkit pushes every line of every object as its
 * own small chunk into a Readable stream, and the whole layout runs before the stream can flow, so
 * a pack of thousands of pages would sit in memory as millions of tiny arrays. The sink takes the
 * pushes directly and copies them into large blocks. (`cse build` streams the PDF to a file
 * instead; this is for callers that want the bytes.)
 */
export class ByteSink {
  private blocks: Uint8Array[] = [];
  private current = new Uint8Array(BLOCK);
  private used = 0;

  /** Appends bytes. */
  add(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.used === this.current.length) {
        this.blocks.push(this.current);
        this.current = new Uint8Array(Math.max(BLOCK, chunk.length - offset));
        this.used = 0;
      }
      const n = Math.min(chunk.length - offset, this.current.length - this.used);
      this.current.set(chunk.subarray(offset, offset + n), this.used);
      this.used += n;
      offset += n;
    }
  }

  /** Forgets everything added. */
  reset(): void {
    this.blocks = [];
    this.current = new Uint8Array(BLOCK);
    this.used = 0;
  }

  /** Everything added, as one array. */
  bytes(): Uint8Array {
    const length = this.blocks.reduce((n, b) => n + b.length, 0) + this.used;
    const out = new Uint8Array(length);
    let offset = 0;
    for (const b of this.blocks) {
      out.set(b, offset);
      offset += b.length;
    }
    out.set(this.current.subarray(0, this.used), offset);
    return out;
  }
}

const BLOCK = 1 << 20;
