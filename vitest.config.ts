import { defineConfig } from "vitest/config";

// CI asks for a JSON summary beside the usual output, to print one plain closing line.
const results = process.env.CSE_TEST_RESULTS;

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Builds dist/ once when a source is newer, for the tests that run the real binary.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: results ? ["default", "json"] : ["default"],
    outputFile: results ? { json: results } : undefined,
  },
});
