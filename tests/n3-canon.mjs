// n3-canon.mjs - parses RDF files with N3.js and writes each back as
// N-Triples or N-Quads, all files in one process.
//
//   node n3-canon.mjs PACKAGES < LIST
//
// PACKAGES is the directory of tests/node/package.json, whose node_modules
// holds n3 (npm ci --prefix tests/node).  LIST has lines
// "INPUT<TAB>SYNTAX<TAB>OUTPUT", SYNTAX being turtle, ntriples, nquads or
// trig; OUTPUT is written as N-Quads for nquads and trig, else as
// N-Triples.  Exits 1 when a file does not parse (naming it), 2 on bad
// usage.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [packages] = process.argv.slice(2);
if (!packages) {
  console.error('usage: node n3-canon.mjs PACKAGES < LIST');
  process.exit(2);
}
const N3 = createRequire(join(packages, 'package.json'))('n3');
const syntaxes = { turtle: ['Turtle', 'N-Triples'],
                   ntriples: ['N-Triples', 'N-Triples'],
                   nquads: ['N-Quads', 'N-Quads'],
                   trig: ['TriG', 'N-Quads'] };

let status = 0;
for (const line of readFileSync(0, 'utf8').split('\n')) {
  if (!line) continue;
  const [input, syntax, output] = line.split('\t');
  if (!output || !syntaxes[syntax]) {
    console.error(`n3-canon.mjs: bad line: ${line}`);
    process.exit(2);
  }
  const [from, to] = syntaxes[syntax];
  try {
    const quads = new N3.Parser({ format: from }).parse(readFileSync(input, 'utf8'));
    const writer = new N3.Writer({ format: to });
    writer.addQuads(quads);
    writer.end((error, text) => {
      if (error) throw error;
      writeFileSync(output, text);
    });
  } catch (e) {
    console.error(`n3-canon.mjs: ${input}: ${e.message}`);
    status = 1;
  }
}
process.exit(status);
