import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { minimalSubmission } from "./helpers/minimal.js";
import { runCse } from "./helpers/run-cli.js";
import { testdir } from "./helpers/testdir.js";

// Strings a submission puts into the PDF's own structures: the metadata (XMP, which must be
// well-formed XML) and link addresses (/URI, 7-bit ASCII). An escape character in the
// organisation's name, and a newline and a NUL in a link, once went in raw.
it("the XMP packet stays well-formed XML and /URI strings hold no control character", async () => {
  const minimal = minimalSubmission();
  const dir = testdir({
    ...minimal,
    "cse.yaml": (minimal["cse.yaml"] ?? "").replace(
      "organisation: Test Service",
      'organisation: "Test \\e Service"',
    ),
    "evidence/E003.yaml":
      'id: E003\ntitle: T\ndescription: D\ntype: report\ndate: 2014-01-01\nelements: ["1.1.1"]\nlinks: ["https://e.test/a\\nb\\0c"]\n',
  });
  const r = await runCse(["build", "--format", "pdf"], {
    cwd: dir,
    env: { SOURCE_DATE_EPOCH: "1800000000" },
  });
  expect(r.code, r.stderr + r.stdout).toBe(0);
  const pdf = fs.readFileSync(path.join(dir, "out/submission.pdf")).toString("latin1");
  const xmp = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(pdf)?.[0] ?? "";
  expect(xmp).toContain("Test");
  expect(xmp).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
  const uris = [...pdf.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)].map((m) => m[1] ?? "");
  expect(uris).toContain("https://e.test/ab%00c");
  for (const uri of uris) expect(uri).toMatch(/^[\x21-\x7e]*$/);
});
