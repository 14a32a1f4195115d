// shacl-validate.mjs - validates RDF files against SHACL shapes with
// rdf-validate-shacl (parsing with N3.js), all files in one process.
//
//   node shacl-validate.mjs PACKAGES SHAPES MANIFEST
//
// PACKAGES is the directory of tests/node/package.json, whose node_modules
// holds the packages (npm ci --prefix tests/node).  MANIFEST has one line a
// file, TAB-separated: the file (.ttl Turtle, .nt N-Triples, .nq N-Quads,
// whose graphs are validated together; FILE|FILE... merges several files
// into one data graph, e.g. the output and the ontology), then "conforms",
// or the local name
// of the SHACL constraint component (e.g. MinCountConstraintComponent) and
// the focus node of a violation the file must show.  Prints one line a
// file; exits 1 when any file is not as its line expects, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [packages, shapesFile, manifest] = process.argv.slice(2);
if (!manifest) {
  console.error('usage: node shacl-validate.mjs PACKAGES SHAPES MANIFEST');
  process.exit(2);
}
const N3 = createRequire(join(packages, 'package.json'))('n3');
const { default: SHACLValidator } = await import(
  pathToFileURL(join(packages, 'node_modules/rdf-validate-shacl/index.js')));

const formats = { ttl: 'text/turtle', nt: 'application/n-triples',
                  nq: 'application/n-quads' };

// The quads of RDF files (FILE|FILE...), in one N3.Store (an RDF/JS
// DatasetCore).  Each file's blank nodes stay its own.
function load(files) {
  const store = new N3.Store();
  files.split('|').forEach((file, i) => {
    const format = formats[file.split('.').pop()];
    if (!format) throw new Error(`${file}: unknown RDF syntax`);
    store.addQuads(new N3.Parser({ format, blankNodePrefix: `f${i}_` })
      .parse(readFileSync(file, 'utf8')));
  });
  return store;
}

const localName = (term) => term ? term.value.replace(/^.*[#/]/, '') : '';
const describe = (r) =>
  `${localName(r.sourceConstraintComponent)} at <${r.focusNode?.value}>` +
  (r.path ? ` ${localName(r.path)}` : '') +
  (r.message.length ? `: ${r.message.map((m) => m.value).join('; ')}` : '');

const validator = new SHACLValidator(load(shapesFile));
let failures = 0;
for (const line of readFileSync(manifest, 'utf8').split('\n')) {
  if (!line) continue;
  const [file, expect, focus] = line.split('\t');
  let report;
  try {
    report = await validator.validate(load(file));
  } catch (e) {
    console.log(`FAIL: ${file}: ${e.message}`);
    failures++;
    continue;
  }
  if (expect === 'conforms') {
    if (report.conforms) {
      console.log(`ok: ${file} conforms`);
    } else {
      failures++;
      console.log(`FAIL: ${file}: ${report.results.length} violation(s)`);
      for (const r of report.results.slice(0, 20)) console.log(`    ${describe(r)}`);
    }
    continue;
  }
  const hit = report.results.find((r) =>
    localName(r.sourceConstraintComponent) === expect && r.focusNode?.value === focus);
  if (hit) {
    console.log(`ok: ${file} violates: ${describe(hit)}`);
  } else {
    failures++;
    console.log(`FAIL: ${file}: no ${expect} at <${focus}>; found:`);
    for (const r of report.results) console.log(`    ${describe(r)}`);
  }
}
process.exit(failures ? 1 : 0);
