// oxigraph-store.js - loads N-Quads into an Oxigraph store (npm package
// oxigraph, in memory) and answers SPARQL queries over it, for
// tests/oxigraph.sh.
//
//     node oxigraph-store.js DATA.nq QUERY.rq ANSWER.json [QUERY.rq ANSWER.json]...
//
// Each ANSWER.json gets the SPARQL 1.1 Query Results JSON of its query.
// Prints "N quads loaded in S s, R quads/s" on standard output.
"use strict";
const fs = require("fs");
const oxigraph = require("oxigraph");

const args = process.argv.slice(2);
if (args.length < 1 || args.length % 2 !== 1) {
  console.error("usage: node oxigraph-store.js DATA.nq [QUERY.rq ANSWER.json]...");
  process.exit(2);
}
const data = fs.readFileSync(args[0], "utf8");
const store = new oxigraph.Store();
const start = process.hrtime.bigint();
store.load(data, { format: "application/n-quads" });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${store.size} quads loaded in ${seconds.toFixed(2)} s, ` +
            `${Math.round(store.size / seconds)} quads/s`);
for (let i = 1; i < args.length; i += 2) {
  const query = fs.readFileSync(args[i], "utf8");
  fs.writeFileSync(args[i + 1], store.query(query, { results_format: "application/sparql-results+json" }));
}
