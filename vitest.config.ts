import { defineConfig } from "vitest/config";

// CI asks for a JSON summary beside the usual output, to print one plain closing line.
const results = process.env.CSE_TEST_RESULTS;

// Two tiers. `npm test` runs the quick one (about three minutes on two cores); `npm run
// test:thorough` runs the tests that are slow by nature: installing the packed tarball,
// generated fuzz cases, real browsers, real processes killed or run side by side, and the
// page-by-page scan of whole PDFs (the sample and a 300-item submission), and LibreOffice
// converting the Word pack, and a pack of 9,000 items. CI
// (.ci/run) runs both.
const THOROUGH = [
  "test/install-tarball.test.ts",
  "test/fuzz/**/*.test.ts",
  "test/build-html-browser.test.ts",
  "test/hostile-browser.test.ts",
  "test/fast/preview.test.ts",
  "test/hostile-concurrent-builds.test.ts",
  "test/build-pdf-pagination.test.ts",
  "test/build-docx-libreoffice.test.ts",
  "test/template-budget-large.test.ts",
];

export default defineConfig({
  test: {
    // Builds dist/ once when a source is newer, for the tests that run the real binary.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two test files at a time. Vitest's default is one fewer than the CPUs, so one on a 2-core
    // machine; but most files spend their time waiting for a cse process they started, which
    // leaves the second core idle.
    maxWorkers: 2,
    reporters: results ? ["default", "json"] : ["default"],
    outputFile: results ? { json: results } : undefined,
    projects: [
      {
        extends: true,
        test: { name: "quick", include: ["src/**/*.test.ts", "test/**/*.test.ts"], exclude: THOROUGH },
      },
      { extends: true, test: { name: "thorough", include: THOROUGH } },
    ],
  },
});
