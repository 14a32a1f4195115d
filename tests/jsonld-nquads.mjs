// jsonld-nquads.mjs - expands newskg's JSON-LD with the npm jsonld package
// (a JSON-LD 1.1 processor) into N-Quads, all files in one process.
//
//   node jsonld-nquads.mjs PACKAGES CONTEXT FILE...
//
// PACKAGES is the directory of tests/node/package.json, whose node_modules
// holds the packages (npm ci --prefix tests/node).  Each FILE holds JSON-LD
// documents, one a line (JSON Lines); each must parse as JSON, hold an
// inline @context deep-equal to the one of the file CONTEXT (the shipped
// data/newskg.context.jsonld), and expand offline (a document loader that
// refuses every URL) without a warning of the processor's safe mode.  The
// quads of all its documents go to FILE.nq (jsonld.toRDF, application/
// n-quads).  Prints one line a file; exits 1 when any file fails, 2 on bad
// usage.
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [packages, contextFile, ...files] = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node jsonld-nquads.mjs PACKAGES CONTEXT FILE...');
  process.exit(2);
}
const jsonld = createRequire(join(resolve(packages), 'package.json'))('jsonld');
const context = JSON.parse(readFileSync(contextFile, 'utf8'))['@context'];
const documentLoader = async (url) => {
  throw new Error(`the document asked for ${url}: it must need no network`);
};

let failures = 0;
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  let quads = '';
  try {
    if (lines.length === 0)
      throw new Error('no document');
    for (const [i, line] of lines.entries()) {
      const doc = JSON.parse(line);
      if (!isDeepStrictEqual(doc['@context'], context))
        throw new Error(`line ${i + 1}: its @context is not ${contextFile}'s`);
      quads += await jsonld.toRDF(doc, {
        format: 'application/n-quads', documentLoader, safe: true });
    }
    writeFileSync(`${file}.nq`, quads);
    console.log(`ok: ${file}: ${lines.length} document(s) expand`);
  } catch (e) {
    failures++;
    console.log(`FAIL: ${file}: ${e.message}`);
  }
}
process.exit(failures ? 1 : 0);
