#!/usr/bin/env python3
"""rdflib-canon.py - parses RDF files with rdflib and writes each back as
N-Triples or N-Quads, all files in one process.

Reads lines "INPUT<TAB>SYNTAX<TAB>OUTPUT" on standard input, SYNTAX being
turtle, ntriples, nquads or trig; writes OUTPUT as N-Quads for nquads and
trig, else as N-Triples.  Literals keep their lexical forms ("0.70" stays "0.70"), so
that the output says what the input said.  Exits 1 when a file does not
parse (naming it), 2 on bad usage.
"""
import sys

import rdflib

rdflib.NORMALIZE_LITERALS = False  # else rdflib rewrites "0.70"^^xsd:decimal

RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads",
                  "trig": "trig"}


def convert(path, syntax, out):
    if syntax in ("nquads", "trig"):
        graph = rdflib.ConjunctiveGraph()
        graph.parse(path, format=RDFLIB_FORMATS[syntax])
        data = graph.serialize(format="nquads", encoding="utf-8")
    else:
        graph = rdflib.Graph()
        graph.parse(path, format=RDFLIB_FORMATS[syntax])
        data = graph.serialize(format="nt", encoding="utf-8")
    with open(out, "wb") as fh:
        fh.write(data)


def main():
    status = 0
    for line in sys.stdin:
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 3 or fields[1] not in RDFLIB_FORMATS:
            print(f"rdflib-canon.py: bad line: {line!r}", file=sys.stderr)
            return 2
        try:
            convert(*fields)
        except Exception as e:  # any parse error is a failure to report
            print(f"rdflib-canon.py: {fields[0]}: {e}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
