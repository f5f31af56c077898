import zlib from "node:zlib";

/** An RGB picture drawn in memory, written out as a PNG. */
export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }

  /** Blends `rgb` into the pixel at (x, y) with coverage `alpha` (0–1). */
  blend(x: number, y: number, rgb: readonly [number, number, number], alpha = 1): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const at = (y * this.width + x) * 3;
    const a = Math.min(1, alpha);
    for (let c = 0; c < 3; c++)
      this.pixels[at + c] = Math.round(this.pixels[at + c]! * (1 - a) + rgb[c]! * a);
  }

  /** Fills a rectangle (pixel units, edges rounded to whole pixels); `paint` may vary by pixel. */
  fillRect(
    x: number,
    y: number,
    w: number,
    h: number,
    paint:
      readonly [number, number, number] | ((px: number, py: number) => readonly [number, number, number]),
  ): void {
    const x0 = Math.round(x);
    const y0 = Math.round(y);
    const x1 = Math.round(x + w);
    const y1 = Math.round(y + h);
    for (let py = y0; py < y1; py++)
      for (let px = x0; px < x1; px++)
        this.blend(px, py, typeof paint === "function" ? paint(px, py) : paint);
  }

  /** The picture as PNG bytes (8-bit RGB, no interlace). */
  toPng(): Uint8Array {
    const rows = Buffer.alloc((this.width * 3 + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      // Each row starts with its filter type, 0: none.
      rows[y * (this.width * 3 + 1)] = 0;
      rows.set(
        this.pixels.subarray(y * this.width * 3, (y + 1) * this.width * 3),
        y * (this.width * 3 + 1) + 1,
      );
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 2, 0, 0, 0], 8);
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
      chunk("IEND", Buffer.alloc(0)),
    ]);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** "1A1A1A" → [26, 26, 26]. */
export function rgbOf(hex: string): [number, number, number] {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
