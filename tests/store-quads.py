#!/usr/bin/env python3
"""Whether a store holds exactly the quads newskg wrote: nothing lost, nothing added.

    store-quads.py RESULTS.json GRAPH.nq

RESULTS.json is the SPARQL 1.1 JSON answer of a store to
    SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }
and GRAPH.nq the N-Quads of `newskg -o nquads` for what was loaded (read
here: newskg writes one quad a line, IRIs and literals only).  Only the store's graphs named like newskg's documents
(https://w3id.org/newskg/doc/...) count, so that a store's own graphs do not
matter.  Numbers compare by value (a store may write 0.70 as 0.7) and the
integer types as xsd:integer (Oxigraph 0.5 gives xsd:nonNegativeInteger
back as xsd:integer), simple literals as xsd:string, language tags in
lower case.  Exits 1 and prints
what differs when the two are not the same set of quads.
"""
import json
import re
import sys
from decimal import Decimal, InvalidOperation

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER = {XSD + t for t in ("integer", "nonNegativeInteger", "int", "long")}
NUMERIC = INTEGER | {XSD + "decimal", XSD + "double", XSD + "float"}
DOC = "https://w3id.org/newskg/doc/"

IRI = r"<([^>]*)>"
LITERAL = r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?'
QUAD = re.compile(r"^%s %s (?:%s|%s) %s \.$" % (IRI, IRI, IRI, LITERAL, IRI))
ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
CHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f",
         '"': '"', "'": "'", "\\": "\\"}


def literal_key(value, lang, datatype):
    if datatype == XSD + "string":
        datatype = None
    if datatype in INTEGER:
        datatype = XSD + "integer"
    if datatype in NUMERIC:
        try:
            value = str(Decimal(value).normalize())
        except InvalidOperation:
            pass
    return ("literal", value, (lang or "").lower(), datatype)


def json_term(t):
    if t["type"] == "uri":
        return ("uri", t["value"])
    if t["type"] == "bnode":
        return ("bnode", t["value"])
    return literal_key(t["value"], t.get("xml:lang"), t.get("datatype"))


def unescape(text):
    return ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16))
                      if m.group(1) or m.group(2) else CHARS[m.group(3)], text)


def read_nquads(path):
    """The quads of an N-Quads file as keys; exits on a line it cannot read."""
    quads = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = QUAD.match(line.rstrip("\n"))
            if not m:
                sys.exit("%s:%d: not a quad newskg writes" % (path, n))
            s, p, o, value, lang, datatype, g = m.groups()
            obj = ("uri", unescape(o)) if o is not None else \
                literal_key(unescape(value), lang, datatype)
            quads.add((("uri", unescape(s)), ("uri", unescape(p)), obj,
                       unescape(g)))
    return quads


def main(results_path, nquads_path):
    with open(results_path, encoding="utf-8") as f:
        results = json.load(f)
    stored = set()
    for b in results["results"]["bindings"]:
        if b["g"]["value"].startswith(DOC):
            stored.add(tuple(json_term(b[v]) for v in ("s", "p", "o"))
                       + (b["g"]["value"],))
    written = read_nquads(nquads_path)
    lost, added = written - stored, stored - written
    for q in sorted(lost)[:5]:
        print("not in the store: %r" % (q,), file=sys.stderr)
    for q in sorted(added)[:5]:
        print("only in the store: %r" % (q,), file=sys.stderr)
    print("%d quads written, %d stored, %d lost, %d added"
          % (len(written), len(stored), len(lost), len(added)))
    return 1 if lost or added or not written else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
