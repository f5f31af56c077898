import { yamlString } from "./yaml-text.js";

/** The name cse is published under (the command it installs is still `cse`). */
export const PACKAGE_NAME = "cse-submission";

/**
 * The GitHub Actions workflow of a new submission: on every push and pull request, install cse,
 * validate (errors become annotations on the files) and print the gaps, also to the run's summary.
 *
 * cse is installed from `CSE_PACKAGE`, by default the published package pinned to the version
 * that wrote the workflow, so CI checks with the same rules as the person who ran `cse init`.
 * Never a bare `npx cse`: on the public registry that name belongs to an unrelated package.
 */
// A GitHub annotation on the workflow file itself, shown when CSE_PACKAGE is not set.
export function workflowYaml(cseVersion: string, packageSpec: string | null): string {
  const spec = packageSpec ?? `${PACKAGE_NAME}@${cseVersion}`;
  return `# Checks the submission on every push and pull request: see docs/ci.md of cse.
name: cse

on:
  push:
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

env:
  # Which cse to install: the package ${PACKAGE_NAME} at the version that started this
  # submission. To move to a newer cse, change the version here. A release tarball's URL
  # works too. Not the bare name "cse": on the public registry that is an unrelated package.
  CSE_PACKAGE: ${yamlString(spec)}

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - name: Install cse
        run: npm install --global --no-audit --no-fund "$CSE_PACKAGE"
      - name: Validate
        run: cse validate --format github
      - name: Gaps
        # Add --fail-on no-evidence,overdue-action (or other gap codes) to fail the check on them.
        run: |
          cse gaps
          cse gaps --format markdown >> "$GITHUB_STEP_SUMMARY"
`;
}

/** The .gitignore of a new submission: built packs, the cache and a local install of cse stay out of git. */
export function gitignore(output: string): string {
  return `# Built packs: run cse build to make them again.
/${output}/
# What cse --cache keeps between runs (cse validate --cache).
.cse-cache
# A local install of cse, if you make one.
node_modules/
`;
}
