import type { Hash } from "node:crypto";

/**
 * Feeds `hash` the bytes of `JSON.stringify(value)` (UTF-8) without making that string: the
 * JSON is written a piece at a time (each key, string and number as JSON.stringify writes it)
 * and handed over about CHUNK characters at a time. The pack's document model of 30,000 items
 * is hundreds of MB as one JSON string, which the hash then copied again as UTF-8. Same digest
 * as hashing the whole string, for any value JSON.stringify writes (a test holds it to that).
 */
export function updateWithJson(hash: Hash, value: unknown): Hash {
  const out = new Pieces(hash);
  const top = resolved(value, "");
  if (!leftOut(top)) writeValue(out, top);
  out.flush();
  return hash;
}

const CHUNK = 1 << 16;

/** What JSON.stringify writes for `value` under `key`: its toJSON() if it has one. */
function resolved(value: unknown, key: string): unknown {
  if (value !== null && typeof value === "object") {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return (toJSON as (key: string) => unknown).call(value, key);
  }
  return value;
}

/** JSON.stringify leaves these out of an object and writes null for them in an array. */
function leftOut(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function writeValue(out: Pieces, value: unknown): void {
  if (value === null || typeof value !== "object" || isBoxed(value)) {
    out.put(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    out.put("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.put(",");
      const item = resolved(value[i], String(i));
      if (leftOut(item)) out.put("null");
      else writeValue(out, item);
    }
    out.put("]");
    return;
  }
  out.put("{");
  let first = true;
  for (const key of Object.keys(value)) {
    const item = resolved((value as Record<string, unknown>)[key], key);
    if (leftOut(item)) continue;
    out.put(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    writeValue(out, item);
  }
  out.put("}");
}

function isBoxed(value: object): boolean {
  return value instanceof String || value instanceof Number || value instanceof Boolean;
}

/** The JSON's text, handed to the hash CHUNK characters or so at a time (always whole pieces). */
class Pieces {
  private text = "";

  constructor(private readonly hash: Hash) {}

  put(piece: string): void {
    this.text += piece;
    if (this.text.length >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.text.length > 0) this.hash.update(this.text, "utf8");
    this.text = "";
  }
}
