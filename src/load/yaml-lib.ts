import { createRequire } from "node:module";
import type * as YamlModule from "yaml";

type Yaml = typeof YamlModule;
let lib: Yaml | undefined;

/**
 * The yaml package, loaded on first use rather than at start-up: a `--cache` run that takes every
 * file from the cache and points at no line never needs it (loading it is a tenth of such a run).
 */
export function yamlLib(): Yaml {
  return (lib ??= createRequire(import.meta.url)("yaml") as Yaml);
}
