import { deflateSync, inflateSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { packFixture } from "../../../test/helpers/pack-fixture.js";
import { packOf } from "../../../test/helpers/pack-document.js";
import { Deflater, deflateAside } from "./deflate-aside.js";
import { renderPdf } from "./render-pdf.js";

/** Bytes that deflate to something other than themselves: a page's worth of operators. */
function page(n: number): Uint8Array {
  return Buffer.from(
    `BT /F1 10 Tf 72 ${700 - n} Td (line ${n} of page ${n}) Tj ET\n`.repeat(200 + n),
    "latin1",
  );
}

describe("deflating page content on a second thread", () => {
  afterEach(() => deflateAside(true));

  it("gives back each page's bytes deflated as zlib deflates them here, from the worker", () => {
    const deflater = Deflater.shared();
    const before = deflater.received;
    const pages = [page(1), page(2), page(3)];
    // A page in two pieces is deflated as one run of bytes.
    const tickets = [
      deflater.give([pages[0]!]),
      deflater.give([pages[1]!.subarray(0, 100), pages[1]!.subarray(100)]),
    ];
    expect(Buffer.from(deflater.take(tickets[0]!)!)).toEqual(deflateSync(pages[0]!));
    expect(Buffer.from(deflater.take(tickets[1]!)!)).toEqual(deflateSync(pages[1]!));
    // A page never taken (a drawing thrown away) is passed over by the next one taken.
    deflater.give([pages[1]!]);
    const third = deflater.give([pages[2]!]);
    expect(inflateSync(deflater.take(third)!)).toEqual(Buffer.from(pages[2]!));
    expect(deflater.received - before).toBe(4);
  });

  it("makes the same PDF, byte for byte, as deflating every page on the drawing thread", async () => {
    const { doc } = packOf(packFixture());
    deflateAside(false);
    const here = await renderPdf(doc);
    deflateAside(true);
    const received = Deflater.shared().received;
    const aside = await renderPdf(doc);
    expect(Deflater.shared().received).toBeGreaterThan(received); // the worker did deflate pages
    expect(Buffer.from(aside).equals(Buffer.from(here))).toBe(true);
    expect(Buffer.from(here).toString("latin1")).toContain("/Filter /FlateDecode");
  });
});
