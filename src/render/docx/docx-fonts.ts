import { createHash } from "node:crypto";
import fs from "node:fs";
import { FONT } from "./docx-theme.js";

// src/render/docx/ and dist/render/docx/ are both three levels below the package root.
const FONT_DIR = new URL("../../../fonts/", import.meta.url);

/** The faces embedded, by Word's name for the family and the face's slot. */
const FACES = [
  { family: FONT.body, slot: "embedRegular", file: "NotoSans-Regular.ttf" },
  { family: FONT.body, slot: "embedBold", file: "NotoSans-Bold.ttf" },
  { family: FONT.body, slot: "embedItalic", file: "NotoSans-Italic.ttf" },
  { family: FONT.body, slot: "embedBoldItalic", file: "NotoSans-BoldItalic.ttf" },
  { family: FONT.code, slot: "embedRegular", file: "DejaVuSansMono.ttf" },
] as const;

/** What each family falls back to where the embedded face cannot be used: fonts every Word has. */
const FAMILIES = [
  { name: FONT.body, fallback: FONT.fallback, family: "swiss", pitch: "variable" },
  { name: FONT.code, fallback: "Courier New", family: "modern", pitch: "fixed" },
] as const;

const RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";

let files: Buffer[] | null = null;

/**
 * Embeds the PDF's faces (Noto Sans and DejaVu Sans Mono, whose licences allow it) in the Word file,
 * so Word and LibreOffice show the pack as the PDF looks, with a common fallback named for each.
 * Each face is obfuscated as ECMA-376 asks, with a key derived from the face's bytes, so the
 * same font gives the same bytes. Replaces the package's empty font table; returns the parts.
 */
export function embedFonts(parts: Map<string, Buffer>): void {
  files ??= FACES.map((f) => fs.readFileSync(new URL(f.file, FONT_DIR)));
  const embeds = FACES.map((face, i) => {
    const key = fontKey(files![i]!);
    parts.set(`word/fonts/font${i + 1}.odttf`, obfuscate(files![i]!, key));
    return { ...face, id: `rIdFont${i + 1}`, key, target: `fonts/font${i + 1}.odttf` };
  });
  const table = FAMILIES.map((f) => {
    const own = embeds.filter((e) => e.family === f.name);
    const slots = own.map((e) => `<w:${e.slot} r:id="${e.id}" w:fontKey="{${e.key}}"/>`).join("");
    return (
      `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="00"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>${slots}</w:font>`
    );
  }).join("");
  const fontTable = parts.get("word/fontTable.xml")?.toString("utf8") ?? "";
  parts.set(
    "word/fontTable.xml",
    Buffer.from(
      fontTable.replace(
        /<w:fonts([^>]*?)\/>$|<w:fonts([^>]*)>[\s\S]*<\/w:fonts>$/,
        (_m, a, b) => `<w:fonts${a ?? b}>${table}</w:fonts>`,
      ),
    ),
  );
  const rels = embeds.map(
    (e) => `<Relationship Id="${e.id}" Type="${FONT_RELATIONSHIP}" Target="${e.target}"/>`,
  );
  parts.set(
    "word/_rels/fontTable.xml.rels",
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        `<Relationships xmlns="${RELATIONSHIPS}">${rels.join("")}</Relationships>`,
    ),
  );
  // Asks Word to keep the fonts in the file when it is saved again (its place in the settings is fixed).
  const settings = parts.get("word/settings.xml")?.toString("utf8");
  if (settings && !settings.includes("<w:embedTrueTypeFonts"))
    parts.set(
      "word/settings.xml",
      Buffer.from(
        settings.replace("<w:displayBackgroundShape/>", "<w:displayBackgroundShape/><w:embedTrueTypeFonts/>"),
      ),
    );
}

/** A GUID made from the font's bytes: "0A1B2C3D-…". */
function fontKey(font: Buffer): string {
  const hex = createHash("sha256").update(font).digest("hex").slice(0, 32).toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ECMA-376 font obfuscation: the first 32 bytes XORed with the key's 16 bytes, taken in reverse. */
export function obfuscate(font: Buffer, key: string): Buffer {
  const bytes = (key.replace(/-/g, "").match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
  const out = Buffer.from(font);
  for (let i = 0; i < 32 && i < out.length; i++) out[i] = out[i]! ^ bytes[i % 16]!;
  return out;
}
