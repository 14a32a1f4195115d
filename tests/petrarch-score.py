#!/usr/bin/env python3
"""Compare newskg with PETRARCH2's validation codings (tests/petrarch.sh).

    petrarch-score.py --newskg PROGRAM --gazetteer GAZ --codes CODES
                      [--allowed FILE] RECORDS.tsv

RECORDS.tsv is ../shared/reference/petrarch/unit_tests.tsv: id, category,
date, text, and the expected codings `SRC|TGT|EVENT;...` (or
`NONE:noevents=True`, `NONE:error=...`).  GAZ and CODES come from
tests/petrarch-gazetteer.py.  Each record's text is one file of a single
newskg run, whose evidence (the reified statements and the document text)
tells which record a relation comes from.  A relation is mapped to actor
codes through its entities' labels and CODES, at the record's date, and
codes are compared on the state: the first three letters (ARNGOV -> ARN),
or six for international and non-state codes (IGOEEU).

Which event codes a relation stands for is the table ROWS below.  In CAMEO
sanctions is 163 (impose embargo, boycott or sanctions) and metWith
042-044 (make a visit, host a visit, meet at a third location).  But
PETR.Validate.verbs.txt says its codes are mostly WEIS, not CAMEO: there
04x is praise and endorse, 163 a pattern under WARN, and the meetings are
031 (meet), 032 (visit, go to) and 033 (host, receive).  So both codebooks
are scored, each strictly (a meeting in person, as ../shared/eval/README.md
requires of metWith) and leniently (a visit counts), and visited against
WEIS 032.

A relation that no coding of any of its rows supports is a false
positive.  Exits 1 when a noevents record gets a sanctions or metWith
relation, when a row reproduces fewer codings than its floor, or when a
relation has more false positives than its ceiling.
FILE (tests/petrarch-expected.tsv) lists relations that are right although
PETRARCH codes nothing (actors its small dictionaries lack): they count
neither as false positives nor against noevents.

Python 3 standard library only.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata

# The floors (codings reproduced, per row) and ceilings (false positives,
# per relation) are as measured on 2026-11-29 with newskg 0.1.0 on
# unit_tests.tsv of petrarch2 @676801cd (284 records): raise a floor or
# lower a ceiling when newskg improves, never the other way round.

# One row per reading of a relation: (label, relation, event codes, floor).
ROWS = [
    ("CAMEO 163 sanctions", "sanctions", {"163"}, 0),
    ("CAMEO 043-044 host, meet", "metWith", {"043", "044"}, 0),
    ("CAMEO 042-044 + visit", "metWith", {"042", "043", "044"}, 0),
    ("WEIS 031,033 meet, host", "metWith", {"031", "033"}, 0),
    ("WEIS 031-033 + visit", "metWith", {"031", "032", "033"}, 0),
    ("WEIS 032 visit", "visited", {"032"}, 1),
]
FALSE_POSITIVE_CEILING = {"sanctions": 0, "metWith": 0, "visited": 0}
SYMMETRIC = {"metWith"}
NOEVENTS_RELATIONS = {"sanctions", "metWith"}
NON_STATE = ("IGO", "NGO", "NGM", "IMG")

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE, RDF_SUBJECT = RDF + "type", RDF + "subject"
RDF_PREDICATE, RDF_OBJECT = RDF + "predicate", RDF + "object"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NIF_IS_STRING = ("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/"
                 "nif-core#isString")
NT_LINE = re.compile(r'<([^>]*)> <([^>]*)> (?:<([^>]*)>|"((?:[^"\\]|\\.)*)"'
                     r'(?:@[\w-]+|\^\^<[^>]*>)?) \.')
NT_ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def local_name(iri):
    return re.split("[#/]", iri)[-1]


def nt_unescape(text):
    """An N-Triples string literal's text (raptor writes `\u00E9` for é)."""
    simple = {"t": "\t", "n": "\n", "r": "\r"}

    def char(m):
        esc = m.group(1)
        return chr(int(esc[1:], 16)) if esc[0] in "uU" else simple.get(esc, esc)
    return NT_ESCAPE.sub(char, text)


def state(code):
    """The part of an actor code that is compared; None for no actor."""
    if not re.match("[A-Z]", code):
        return None                  # ---, +++, ###, "QUOTED TEXT"
    return code[:6] if code.startswith(NON_STATE) else code[:3]


class Record:
    """One line of unit_tests.tsv, and the relations newskg read in it."""

    def __init__(self, row):
        self.id, _, self.date, self.text = row[:4]
        expected = row[4] if len(row) > 4 else ""
        self.noevents = expected == "NONE:noevents=True"
        self.codings = []            # (src, tgt, event)
        if not expected.startswith("NONE:"):
            for item in filter(None, expected.split(";")):
                src, tgt, event = item.split("|")
                self.codings.append((src, tgt, event))
        self.relations = []          # (relation, (cls, label), (cls, label))


def read_records(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    return [Record(row) for row in rows[1:] if len(row) >= 4]


def read_codes(path):
    """(class, label) -> list of code lists (one per dictionary record)."""
    codes = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cls, label, specs = line.rstrip("\n").split("\t")
            codes.setdefault((cls, fold(label)), []).append(specs.split("|"))
    return codes


def read_allowed(path):
    """{(id, relation, subject, object)} of FILE, labels folded."""
    allowed = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                rid, rel, subj, obj = line.rstrip("\n").split("\t")[:4]
                allowed.add((rid, rel, fold(subj), fold(obj)))
    return allowed


def holds(spec, date):
    """(code, whether its date restriction holds) for one code spec."""
    m = re.fullmatch(r"([^<>=]*)([<>=])(\d{8})(?:-(\d{8}))?", spec)
    if not m:
        return spec, None
    code, how, first, last = m.groups()
    if how == "<":
        return code, date <= first
    if how == ">":
        return code, date >= first
    return code, first <= date <= last


def states_at(entity, date, codes):
    """The states an entity stands for on a date (YYYYMMDD)."""
    found = set()
    for specs in codes.get((entity[0], fold(entity[1])), []):
        checked = [holds(s, date) for s in specs]
        restricted = [code for code, ok in checked if ok]
        plain = [code for code, ok in checked if ok is None]
        for code in (restricted[:1] or plain):
            if state(code):
                found.add(state(code))
    return found


def parse_ntriples(text):
    """(types, labels, relations, statements, documents) of a graph:
    IRI -> class and label, the relation triples, each reified statement's
    (document, relation triple), each document's text."""
    types, labels, triples, parts, documents = {}, {}, set(), {}, {}
    for line in text.splitlines():
        m = NT_LINE.match(line)
        if not m:
            continue
        subj, pred, obj, literal = m.groups()
        if pred == RDF_TYPE:
            types[subj] = local_name(obj)
        elif pred == RDFS_LABEL and literal is not None:
            labels[subj] = nt_unescape(literal)
        elif pred == NIF_IS_STRING and literal is not None:
            documents[subj.partition("#")[0]] = nt_unescape(literal)
        elif pred in (RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT):
            parts.setdefault(subj, {})[pred] = obj
        elif obj and "/ontology#" in pred:
            triples.add((local_name(pred), subj, obj))
    statements = [(stmt.partition("#")[0], (local_name(p[RDF_PREDICATE]),
                                            p[RDF_SUBJECT], p[RDF_OBJECT]))
                  for stmt, p in parts.items() if len(p) == 3]
    return types, labels, triples, statements, documents


def extract(newskg, gazetteer, records, workdir):
    """Runs newskg once on all the records' texts (a file each) and gives
    each record the relations its document's evidence holds."""
    paths = []
    for i, r in enumerate(records):
        paths.append(os.path.join(workdir, f"{i:04d}.txt"))
        with open(paths[-1], "w", encoding="utf-8") as f:
            f.write(r.text + "\n")
    run = subprocess.run([newskg, "-q", "--gazetteer", gazetteer,
                          "-o", "ntriples"] + paths,
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"newskg exited {run.returncode}: "
                           f"{run.stderr.strip()}")
    types, labels, triples, statements, documents = parse_ntriples(run.stdout)
    by_text = {}
    for r in records:
        by_text.setdefault(r.text.strip(), []).append(r)
    for doc, (rel, subj, obj) in statements:
        for r in by_text.get(documents.get(doc, "").strip(), []):
            r.relations.append((rel, (types.get(subj), labels.get(subj, "")),
                                (types.get(obj), labels.get(obj, ""))))
    if triples - {triple for _, triple in statements}:
        raise RuntimeError("relations without evidence in newskg's output: "
                           "cannot tell their records apart")


def supports(coding, rel_states, symmetric):
    src, tgt = state(coding[0]), state(coding[1])
    s, o = rel_states
    return (src in s and tgt in o) or (symmetric and src in o and tgt in s)


def is_allowed(record, relation, allowed):
    rel, subj, obj = relation
    return ((record.id, rel, fold(subj[1]), fold(obj[1])) in allowed or
            (record.id, rel, fold(obj[1]), fold(subj[1])) in allowed)


def asserted(record, relation, codes):
    """(states of subject, states of object, triple) of each relation."""
    return [(states_at(s, record.date, codes), states_at(o, record.date, codes),
             (rel, s, o)) for rel, s, o in record.relations if rel == relation]


def score_row(row, records, codes, log):
    """(expected, reproduced) codings of one row of ROWS."""
    label, relation, events = row[:3]
    expected = reproduced = 0
    for r in records:
        found = asserted(r, relation, codes)
        for coding in (c for c in r.codings if c[2] in events):
            expected += 1
            if any(supports(coding, (s, o), relation in SYMMETRIC)
                   for s, o, _ in found):
                reproduced += 1
                log.append(f"  {label}: {r.id}: reproduced {'|'.join(coding)}")
    return expected, reproduced


def score_relation(relation, records, codes, allowed, log):
    """(asserted, false positives) of a relation, against all its rows."""
    events = set().union(*(row[2] for row in ROWS if row[1] == relation))
    count = false_pos = 0
    for r in records:
        wanted = [c for c in r.codings if c[2] in events]
        for s, o, triple in asserted(r, relation, codes):
            count += 1
            if is_allowed(r, triple, allowed):
                log.append(f"  {relation}: {r.id}: allowed {describe(triple)}")
            elif not any(supports(c, (s, o), relation in SYMMETRIC)
                         for c in wanted):
                false_pos += 1
                coded = ";".join("|".join(c) for c in r.codings) or "-"
                log.append(f"  {relation}: {r.id}: false positive "
                           f"{describe(triple)} (codings: {coded})")
    return count, false_pos


def noevents_spoilt(records, allowed):
    """(record id, relation) of each sanctions or metWith that newskg
    asserts in a noevents record."""
    return [(r.id, t) for r in records if r.noevents for t in r.relations
            if t[0] in NOEVENTS_RELATIONS and not is_allowed(r, t, allowed)]


def describe(triple):
    rel, subj, obj = triple
    return f"{subj[1]} {rel} {obj[1]}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("records")
    ap.add_argument("--newskg", required=True)
    ap.add_argument("--gazetteer", required=True)
    ap.add_argument("--codes", required=True)
    ap.add_argument("--allowed")
    args = ap.parse_args(argv)

    records = read_records(args.records)
    codes = read_codes(args.codes)
    allowed = read_allowed(args.allowed) if args.allowed else set()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="petrarch-") as workdir:
        extract(args.newskg, args.gazetteer, records, workdir)
    seconds = time.monotonic() - start

    log = []
    spoilt = noevents_spoilt(records, allowed)
    failures = [f"{rid} (noevents): newskg asserts {describe(t)}"
                for rid, t in spoilt]
    counts = {}
    for r in records:
        for rel, _, _ in r.relations:
            counts[rel] = counts.get(rel, 0) + 1
    codings = sum(len(r.codings) for r in records)
    found = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"petrarch: {len(records)} records, {codings} codings, newskg took "
          f"{seconds:.1f} s; relations asserted: {found or 'none'}")
    print(f"{'relation':<10} {'event codes':<26} {'expected':>8} "
          f"{'reproduced':>10} {'floor':>5}")
    for row in ROWS:
        label, relation, _, floor = row
        expected, reproduced = score_row(row, records, codes, log)
        print(f"{relation:<10} {label:<26} {expected:>8} {reproduced:>10} "
              f"{floor:>5}")
        if reproduced < floor:
            failures.append(f"{label}: {reproduced} codings reproduced, "
                            f"fewer than the floor {floor}")
    print(f"{'relation':<10} {'asserted':>8} {'false+':>6} {'max':>4}"
          f"  (false+: no coding of the relation's rows supports it)")
    for relation, ceiling in FALSE_POSITIVE_CEILING.items():
        count, false_pos = score_relation(relation, records, codes, allowed,
                                          log)
        print(f"{relation:<10} {count:>8} {false_pos:>6} {ceiling:>4}")
        if false_pos > ceiling:
            failures.append(f"{relation}: {false_pos} false positives, more "
                            f"than the ceiling {ceiling}")
    noevents = {r.id for r in records if r.noevents}
    print(f"noevents records without sanctions or metWith: "
          f"{len(noevents - {rid for rid, _ in spoilt})}/{len(noevents)}")
    for line in dict.fromkeys(log):
        print(line)
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, RuntimeError, ValueError) as e:
        print(f"petrarch-score.py: {e}", file=sys.stderr)
        sys.exit(2)
