import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { updateWithJson } from "./json-hash.js";

const whole = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex");
const pieces = (v: unknown) => updateWithJson(createHash("sha256"), v).digest("hex");

describe("updateWithJson", () => {
  it("hashes what JSON.stringify writes", () => {
    const values: unknown[] = [
      null,
      0,
      -0,
      1.5e300,
      Number.NaN,
      "plain",
      'quote " backslash \\ newline \n tab \t nul \u0000',
      "é ✓ 😀 lone \ud800 and \udfff",
      [],
      {},
      [1, undefined, () => 1, Symbol("s"), null, "x"],
      { a: 1, b: undefined, c: () => 1, d: [{ e: "f" }], 'k"ey': true, 3: "n" },
      { date: new Date(0), boxed: [new String("s"), new Number(2), new Boolean(false)] },
      { own: { toJSON: (key: string) => `key ${key}` }, gone: { toJSON: () => undefined } },
      [{ toJSON: () => undefined }],
    ];
    for (const v of values) expect(pieces(v)).toBe(whole(v));
  });

  it("hashes a value longer than one chunk the same, whatever its characters", () => {
    const items = Array.from({ length: 5_000 }, (_, i) => ({
      id: `E${i}`,
      title: i % 7 === 0 ? `Évidence ✓ ${"😀".repeat(i % 5)}` : `Evidence ${i}`,
      tags: [i, i / 3, i % 2 === 0],
    }));
    expect(pieces({ items })).toBe(whole({ items }));
  });
});
