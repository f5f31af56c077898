#!/usr/bin/env node
// Build step (after tsc): compiles the built-in Handlebars templates (templates/*.hbs) to
// dist/render/html/prebuilt-templates.js, so an HTML build does not compile them on every run.
// src/render/html/compiled-templates.ts reads it when present and looks each template up by its
// text: one changed after this build is compiled at run time, as a submission's own are.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { readBuiltinTemplates } from "../dist/cli/actions/build-html.js";
import { prebuiltTemplatesModule } from "../dist/render/html/compiled-templates.js";

const out = fileURLToPath(new URL("../dist/render/html/prebuilt-templates.js", import.meta.url));

fs.writeFileSync(`${out}.tmp`, prebuiltTemplatesModule(Handlebars, readBuiltinTemplates()));
fs.renameSync(`${out}.tmp`, out);
