#!/usr/bin/env python3
"""The three questions every store test asks, and their answers from the gold.

    store-questions.py names                 the questions, one a line
    store-questions.py query NAME            its SPARQL query
    store-questions.py check NAME RESULTS    check SPARQL 1.1 JSON results

The questions are those of doc/loading-and-querying.md, over samples/
loaded into a store (each article its own named graph): who sanctioned
Lukashenko, who met whom (with the evidence sentence), who fled where.  The answers are not written here:
they come from the gold annotation of the Belarus article,
samples/belarus-sanctions.gold.tsv: what must be there (its `rel` lines) and
what must not (its `rel!` lines; another article's `rel!` lines say what
that article does not state, which another may).  The sqlite, Virtuoso and Oxigraph tests all
ask these questions and check the answers with this file.
"""
import json
import os
import sys

SAMPLES = os.environ.get("SAMPLES") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "samples")
GOLD = os.path.join(SAMPLES, "belarus-sanctions.gold.tsv")

PREFIXES = """PREFIX newskg: <https://w3id.org/newskg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""

QUERIES = {
    "sanctions": """SELECT DISTINCT ?country WHERE {
  GRAPH ?g {
    ?c newskg:sanctions <https://w3id.org/newskg/id/person/Alexander_Lukashenko> ;
       rdfs:label ?country .
  }
} ORDER BY ?country""",
    "metWith": """SELECT DISTINCT ?person ?met ?sentence WHERE {
  GRAPH ?g {
    ?a newskg:metWith ?b ; rdfs:label ?person .
    ?b rdfs:label ?met .
    ?s rdf:subject ?a ; rdf:predicate newskg:metWith ; rdf:object ?b ;
       prov:wasDerivedFrom ?evidence .
    ?evidence nif:anchorOf ?sentence .
  }
} ORDER BY ?person ?met ?sentence""",
    "fledTo": """SELECT DISTINCT ?person ?place WHERE {
  GRAPH ?g {
    ?a newskg:fledTo ?b ; rdfs:label ?person .
    ?b rdfs:label ?place .
  }
} ORDER BY ?person ?place""",
}


def gold_relations(path, kind):
    """(subject, predicate, objects) of the `kind` lines of a gold file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 4 and cols[0] == kind:
                yield cols[1], cols[2], cols[3].split("|")


def rows(results, names):
    """The rows of SPARQL JSON results as tuples of the names' values."""
    out = []
    for b in results["results"]["bindings"]:
        out.append(tuple(b[n]["value"] if n in b else None for n in names))
    return out


def pairs(found, symmetric):
    """(subject, object) pairs found, both ways round when symmetric."""
    got = set()
    for row in found:
        got.add((row[0], row[1]))
        if symmetric:
            got.add((row[1], row[0]))
    return got


def check(name, results):
    """Problems with the answer to question name, as strings."""
    problems = []
    if name == "sanctions":
        found = [r[0] for r in rows(results, ["country"])]
        want = sorted(s for s, p, o in gold_relations(GOLD, "rel")
                      if p == "sanctions" and "Alexander Lukashenko" in o)
        if sorted(found) != want or len(want) != 5:
            problems.append("sanctioned Lukashenko: %s, the gold says %s"
                            % (sorted(found), want))
        return problems
    cols = ["person", "met", "sentence"] if name == "metWith" else \
        ["person", "place"]
    found = rows(results, cols)
    got = pairs(found, name == "metWith")
    required = [(s, o[0]) for s, p, o in gold_relations(GOLD, "rel")
                if p == name]
    if not required:
        problems.append("the gold states no %s" % name)
    for pair in required:
        if pair not in got:
            problems.append("%s: %s %s missing" % (name, pair[0], pair[1]))
    for s, p, objects in gold_relations(GOLD, "rel!"):
        for o in objects:
            if p == name and (s, o) in got:
                problems.append("%s: %s %s is forbidden" % (name, s, o))
    if name == "metWith":
        # each required meeting comes with a sentence naming both people
        for a, b in required:
            sentences = [r[2] for r in found if {r[0], r[1]} == {a, b}]
            if not any(a.split()[-1] in t and b.split()[-1] in t
                       for t in sentences if t):
                problems.append("metWith: no evidence sentence names %s and %s"
                                % (a, b))
    return problems


def main(argv):
    if len(argv) == 2 and argv[1] == "names":
        print("\n".join(QUERIES))
        return 0
    if len(argv) == 3 and argv[1] == "query" and argv[2] in QUERIES:
        print(PREFIXES + QUERIES[argv[2]])
        return 0
    if len(argv) == 4 and argv[1] == "check" and argv[2] in QUERIES:
        with open(argv[3], encoding="utf-8") as f:
            results = json.load(f)
        problems = check(argv[2], results)
        for p in problems:
            print("%s: %s" % (argv[3], p), file=sys.stderr)
        return 1 if problems else 0
    print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
