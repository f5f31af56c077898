import { parseYamlFile } from "./dist/load/yaml-file.js";
const cases = JSON.parse(process.argv[2]);
for (const c of cases) {
  const out = [];
  parseYamlFile("x.yaml", new TextEncoder().encode(c), out);
  console.log(JSON.stringify(c));
  for (const d of out) console.log(`   ${d.line}:${d.column} ${d.code} ${d.message}`);
  if (!out.length) console.log("   (ok)");
}
