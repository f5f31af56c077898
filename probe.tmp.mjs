import { Composer, Lexer, LineCounter, Parser } from "yaml";
const OPTS = { prettyErrors: false, uniqueKeys: true, version: "1.2", schema: "core", strict: true, logLevel: "error" };
export function probe(text) {
  const lc = new LineCounter();
  const p = new Parser(lc.addNewLine);
  const toks = [...p.parse(text)];
  const docs = [...new Composer(OPTS).compose(toks)];
  const errs = docs.flatMap((d) => [...d.errors, ...d.warnings]).sort((a, b) => a.pos[0] - b.pos[0]);
  return errs.map((e) => { const lp = lc.linePos(e.pos[0]); return `${e.code} ${lp.line}:${lp.col} ${e.message.split("\n")[0]}`; });
}
const cases = JSON.parse(process.argv[2]);
for (const c of cases) console.log(JSON.stringify(c), "\n   ", probe(c).join("\n    ") || "(ok)");
