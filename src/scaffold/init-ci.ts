import { yamlString } from "./yaml-text.js";

/**
 * The GitHub Actions workflow of a new submission: on every push and pull request, install cse,
 * validate (errors become annotations on the files) and print the gaps, also to the run's summary.
 *
 * cse is installed from `CSE_PACKAGE` (a git URL, a tarball URL or a package spec), never by a bare
 * `npx cse`: that would fetch whatever package is published under the name "cse", which is
 * not this program. With no spec, the install step stops with a message saying what to set.
 */
export function workflowYaml(cseVersion: string, packageSpec: string | null): string {
  return `# Checks the submission on every push and pull request: see the README of cse.
name: cse

on:
  push:
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

env:
  # Where to install cse ${cseVersion} from: a git repository (github:OWNER/REPO#vX.Y.Z), a
  # tarball URL, or a version of a package you trust. Not the bare name "cse": on the public
  # package registry that name belongs to an unrelated package.
  CSE_PACKAGE: ${packageSpec ? yamlString(packageSpec) : '""'}

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - name: Install cse
        run: |
          if [ -z "$CSE_PACKAGE" ]; then
            echo "::error file=.github/workflows/cse.yml::Set CSE_PACKAGE in .github/workflows/cse.yml to where cse is installed from."
            exit 1
          fi
          npm install --no-save --no-package-lock --no-audit --no-fund "$CSE_PACKAGE"
      - name: Validate
        run: npx --no-install cse validate --format github
      - name: Gaps
        # Add --fail-on no-evidence,overdue-action (or other gap codes) to fail the check on them.
        run: |
          npx --no-install cse gaps
          npx --no-install cse gaps --format markdown >> "$GITHUB_STEP_SUMMARY"
`;
}

/** The .gitignore of a new submission: built packs, the cache and a local install of cse stay out of git. */
export function gitignore(output: string): string {
  return `# Built packs: run cse build to make them again.
/${output}/
# What cse --cache keeps between runs (cse validate --cache).
.cse-cache
# A local install of cse (the CI workflow installs it here).
node_modules/
`;
}
