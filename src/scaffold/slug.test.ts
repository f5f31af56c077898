import { describe, expect, it } from "vitest";
import { slugify } from "./slug.js";

describe("slugify", () => {
  it("keeps ASCII letters and digits, joined by hyphens", () => {
    expect(slugify("Complaints Procedure (2026 edition)")).toBe("complaints-procedure-2026-edition");
    expect(slugify("Library, IT & Archives")).toBe("library-it-and-archives");
    expect(slugify("Customers' charter")).toBe("customers-charter");
  });
  it("drops accents and anything else", () => {
    expect(slugify("Arolwg defnyddwyr: ŵyl a chaffi")).toBe("arolwg-defnyddwyr-wyl-a-chaffi");
    expect(slugify("日本語")).toBe("");
  });
  it("cuts long titles at a hyphen", () => {
    const s = slugify("A very long title about the annual customer satisfaction survey of every branch");
    expect(s.length).toBeLessThanOrEqual(48);
    expect(s).toBe("a-very-long-title-about-the-annual-customer");
  });
});
