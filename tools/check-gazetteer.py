#!/usr/bin/env python3
"""Validate newskg's gazetteer files and check them against the gold annotations.

    tools/check-gazetteer.py                       # data/*.tsv, gold in ../shared/gold
    tools/check-gazetteer.py --gold DIR FILE...    # other files or gold folder
    tools/check-gazetteer.py --quiet               # errors and the summary only

Checks (an error makes the exit status 1; a warning does not):
  format     every line is CLASS<TAB>Name<TAB>key=value..., with a known class, keys
             known for that class, no empty values, well-formed gender=, un=,
             capital=, iso2=, iso3=, wikidata=, wikipedia= values; office= values
             are TITLE;TARGET;START;END with a lower-case title, dates YYYY-MM-DD,
             YYYY-MM or YYYY, END empty or not before START;
  unique     no two entries of one class share a canonical name (also compared
             without case and accents);
  refs       capital, borders, country, members, seat, partOf, leads, standsFor and
             an office's target name an entry of the right class; a country's
             capital lists that city and the city says capital=yes and names the
             country back; borders are symmetric;
  offices    leads= agrees with office=: a person with offices heads (leads=) each
             country where he holds a head-of-state or head-of-government title
             (LEADER_TITLES), and each leads= value is the target of one of his
             offices or the body such a target is partOf;
  aliases    no alias of one entry is another entry's canonical name in the same
             class, and no alias or demonym is shared by two entries of one class
             (unless listed in SHARED_OK); aliases of two letters or fewer only
             where listed in SHORT_OK;
  gold       every entity of ../shared/gold/*.gold.tsv of class Country, City,
             Organization or Person is in the gazetteer (by canonical name or
             alias, compared as eval/score.py does: no case, accents, punctuation,
             leading "the"), except the obscure places in GOLD_SKIP; and the entry's
             canonical name is itself one of the gold names, so that the label the
             graph carries scores.  Gold aliases that the entry lacks, and required
             gold leaderOf / memberOf / capitalOf facts that the gazetteer does not
             hold, are reported as warnings.

Python 3 standard library only.
"""

import argparse
import glob
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA_FILES = ["countries.tsv", "cities.tsv", "organizations.tsv", "people.tsv",
              "regions.tsv"]

KEYS = {
    "Country": {"alias", "wikipedia", "wikidata", "demonym", "capital", "borders", "iso2",
                "iso3", "un"},
    "City": {"alias", "wikipedia", "wikidata", "country", "capital", "standsFor"},
    "Organization": {"alias", "wikipedia", "wikidata", "members", "seat", "partOf", "country",
                     "standsFor"},
    "Person": {"alias", "wikipedia", "wikidata", "gender", "country", "leads", "office"},
    "Region": {"alias", "wikipedia", "wikidata", "country"},
}
SINGLE = {"wikipedia", "wikidata", "iso2", "iso3", "un", "gender", "standsFor"}

# office= titles that make their holder the head of state or government of the
# Country the office belongs to (after "acting", "interim" or "transitional").
LEADER_TITLES = {
    "president", "prime minister", "premier", "chancellor", "king", "queen", "emperor",
    "emir", "sultan", "pope", "supreme leader", "leader", "taoiseach", "state counsellor",
    "chief adviser", "chief executive", "head of state", "chairman of the state council",
    "chairman of the sovereignty council", "chairman of the presidential council",
    "chairman of the state administration council", "chairman of the supreme council",
    "president of the council of ministers",
}
DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")

# Aliases of two letters or fewer that are well known and not ordinary words
# (abbreviations, and the surnames of two Chinese presidents).
SHORT_OK = {"UK", "US", "UN", "EU", "AP", "AU", "Xi", "Hu"}

# (class, folded alias) pairs that may name two entries: none at present.
SHARED_OK = set()

# Gold entities that the gazetteer need not hold: obscure local places.
GOLD_SKIP = {"chimore", "panmunjom", "sentosa", "istana", "strait of hormuz"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


def norm(name):
    """The comparison key of ../shared/eval/score.py."""
    s = fold(name)
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


class Report:
    def __init__(self, quiet):
        self.errors, self.warnings, self.quiet = [], [], quiet

    def error(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")


def read(paths, rep):
    """Entries as dicts {cls, name, keys{k: [v]}, where}; later lines with the same
    class and canonical name merge into the first (as a user file extends)."""
    entries, index = [], {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for lineno, raw in enumerate(f, 1):
                where = f"{os.path.relpath(path)}:{lineno}"
                line = raw.rstrip("\n")
                if line.endswith("\r"):
                    rep.error(where, "CR line ending")
                    line = line.rstrip("\r")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                cls, name = cols[0], cols[1] if len(cols) > 1 else ""
                if cls not in KEYS:
                    rep.error(where, f"unknown class {cls!r}")
                    continue
                if not name.strip() or name != name.strip():
                    rep.error(where, f"bad canonical name {name!r}")
                    continue
                keys = {}
                for col in cols[2:]:
                    if "=" not in col:
                        rep.error(where, f"column {col!r} is not key=value")
                        continue
                    k, v = col.split("=", 1)
                    if k not in KEYS[cls]:
                        rep.error(where, f"key {k!r} is not used for {cls}")
                    if k in keys:
                        rep.error(where, f"key {k!r} twice on one line")
                    vals = v.split("|")
                    if any(not x.strip() or x != x.strip() for x in vals):
                        rep.error(where, f"empty or padded value in {col!r}")
                    if len(set(vals)) != len(vals):
                        rep.error(where, f"repeated value in {col!r}")
                    if k in SINGLE and len(vals) != 1:
                        rep.error(where, f"{k}= takes one value")
                    keys[k] = vals
                check_values(cls, keys, where, rep)
                ident = (cls, name)
                if ident in index:
                    old = index[ident]
                    for k, vals in keys.items():
                        cur = old["keys"].setdefault(k, [])
                        cur.extend(v for v in vals if v not in cur)
                    continue
                e = {"cls": cls, "name": name, "keys": keys, "where": where}
                index[ident] = e
                entries.append(e)
    return entries


def check_values(cls, keys, where, rep):
    for v in keys.get("gender", []):
        if v not in ("m", "f"):
            rep.error(where, f"gender={v}: m or f")
    for v in keys.get("un", []):
        if v not in ("member", "observer", "no"):
            rep.error(where, f"un={v}: member, observer or no")
    if cls == "City":
        for v in keys.get("capital", []):
            if v != "yes":
                rep.error(where, f"capital={v}: a City takes capital=yes")
    for v in keys.get("iso3", []):
        if not re.fullmatch(r"[A-Z]{3}", v):
            rep.error(where, f"iso3={v}: three capital letters")
    for v in keys.get("iso2", []):
        if not re.fullmatch(r"[A-Z]{2}", v):
            rep.error(where, f"iso2={v}: two capital letters")
    for v in keys.get("office", []):
        check_office(v, where, rep)
    for v in keys.get("wikidata", []):
        if not re.fullmatch(r"Q[1-9][0-9]*", v):
            rep.error(where, f"wikidata={v}: Q followed by digits")
    for v in keys.get("wikipedia", []):
        if " " in v or not v:
            rep.error(where, f"wikipedia={v}: use _ for spaces")


def check_office(value, where, rep):
    parts = value.split(";")
    if len(parts) != 4:
        rep.error(where, f"office={value}: want TITLE;TARGET;START;END")
        return
    title, target, start, end = parts
    if not title or title != title.lower() or title != title.strip():
        rep.error(where, f"office={value}: the title is lower case, as news writes it")
    if not target:
        rep.error(where, f"office={value}: no target")
    if not DATE.fullmatch(start):
        rep.error(where, f"office={value}: start {start!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    if end and not DATE.fullmatch(end):
        rep.error(where, f"office={value}: end {end!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    if DATE.fullmatch(start) and end and DATE.fullmatch(end) and end < start[:len(end)]:
        rep.error(where, f"office={value}: ends before it starts")


def offices(keys):
    """(title, target, start, end) of each office=; acting/interim titles bare."""
    out = []
    for v in keys.get("office", []):
        parts = v.split(";")
        if len(parts) == 4:
            title = re.sub(r"^(acting|interim|transitional) ", "", parts[0])
            out.append((title, parts[1], parts[2], parts[3]))
    return out


def check_offices(entries, rep):
    by = {(e["cls"], e["name"]): e for e in entries}
    for e in entries:
        if e["cls"] != "Person" or "office" not in e["keys"]:
            continue
        leads = e["keys"].get("leads", [])
        held = set()
        for title, target, _, _ in offices(e["keys"]):
            held.add(target)
            parent = by.get(("Organization", target), {"keys": {}})["keys"].get("partOf", [])
            held.update(parent)
            if title in LEADER_TITLES and ("Country", target) in by and target not in leads:
                rep.error(e["where"], f"office {title} of {target} but leads= lacks {target}")
        for t in leads:
            if t not in held:
                rep.error(e["where"], f"leads={t} but no office= there (or in a body of it)")


def check_entries(entries, rep):
    """Per-entry checks after merging, and unique names and QIDs."""
    for e in entries:
        if e["cls"] == "Person" and "gender" not in e["keys"]:
            rep.error(e["where"], "Person without gender=")
        if len(e["keys"].get("gender", [])) > 1:
            rep.error(e["where"], "two genders (across merged lines)")
    seen = {}
    for e in entries:
        k = (e["cls"], fold(e["name"]))
        if k in seen:
            rep.error(e["where"], f"{e['cls']} {e['name']!r} duplicates {seen[k]['where']}")
        else:
            seen[k] = e
    wd = {}
    for e in entries:
        for q in e["keys"].get("wikidata", []):
            if q in wd:
                rep.error(e["where"], f"wikidata={q} also on {wd[q]['name']!r}")
            wd[q] = e


def check_refs(entries, rep):
    by = {(e["cls"], e["name"]): e for e in entries}
    want = {
        ("Country", "capital"): ("City",),
        ("Country", "borders"): ("Country",),
        ("City", "country"): ("Country",),
        ("Organization", "members"): ("Country",),
        ("Organization", "seat"): ("City",),
        ("Organization", "partOf"): ("Organization",),
        ("Organization", "country"): ("Country",),
        ("Person", "country"): ("Country",),
        ("Person", "leads"): ("Country", "Organization"),
        ("City", "standsFor"): ("Organization", "Country"),
        ("Organization", "standsFor"): ("Organization", "Country"),
        ("Region", "country"): ("Country",),
    }
    for e in entries:
        for (cls, k), targets in want.items():
            if e["cls"] != cls:
                continue
            for v in e["keys"].get(k, []):
                if not any((t, v) in by for t in targets):
                    rep.error(e["where"], f"{k}={v}: no {' or '.join(targets)} of that name")
        for _, target, _, _ in offices(e["keys"]):
            if ("Country", target) not in by and ("Organization", target) not in by:
                rep.error(e["where"], f"office in {target}: no Country or Organization of that name")
    for e in entries:
        if e["cls"] == "Country":
            for cap in e["keys"].get("capital", []):
                c = by.get(("City", cap))
                if c and (e["name"] not in c["keys"].get("country", [])
                          or c["keys"].get("capital") != ["yes"]):
                    rep.error(c["where"], f"{cap} is the capital of {e['name']} but does not "
                              "say country= that and capital=yes")
            for b in e["keys"].get("borders", []):
                o = by.get(("Country", b))
                if o and e["name"] not in o["keys"].get("borders", []):
                    rep.error(e["where"], f"borders={b} but {b} does not border {e['name']}")
        if e["cls"] == "City" and e["keys"].get("capital") == ["yes"]:
            if not any(e["name"] in by.get(("Country", c), {"keys": {}})["keys"].get("capital", [])
                       for c in e["keys"].get("country", [])):
                rep.error(e["where"], f"capital=yes but no country lists {e['name']} as capital=")
        if e["cls"] == "Organization" and e["name"] in e["keys"].get("partOf", []):
            rep.error(e["where"], "partOf= itself")


def check_aliases(entries, rep):
    canon = {}
    for e in entries:
        canon[(e["cls"], fold(e["name"]))] = e
    owners = {}
    for e in entries:
        for key in ("alias", "demonym"):
            for a in e["keys"].get(key, []):
                k = (e["cls"], fold(a))
                other = canon.get(k)
                if other is not None and other is not e:
                    rep.error(e["where"], f"{key} {a!r} is the canonical name of "
                              f"{other['cls']} {other['name']!r} ({other['where']})")
                prev = owners.get((key,) + k)
                if prev is not None and prev is not e and k not in SHARED_OK:
                    rep.error(e["where"], f"{key} {a!r} also belongs to {prev['name']!r} "
                              f"({prev['where']})")
                owners[(key,) + k] = e
                if key == "alias" and len(a) <= 2 and a not in SHORT_OK:
                    rep.error(e["where"], f"alias {a!r}: two letters or fewer (see SHORT_OK)")
    # Same surface string for entries of different classes: legal, but the
    # matcher has to choose; list them so that the choice is deliberate.
    names = {}
    for e in entries:
        for n in [e["name"]] + e["keys"].get("alias", []):
            names.setdefault(fold(n), set()).add((e["cls"], e["name"]))
    for n, owners_ in sorted(names.items()):
        classes = {c for c, _ in owners_}
        if len(classes) > 1:
            rep.warn("cross-class", f"{n!r} names " +
                     ", ".join(f"{c} {m!r}" for c, m in sorted(owners_)))


def check_gold(entries, gold_dir, rep):
    by_norm = {}
    for e in entries:
        for n in [e["name"]] + e["keys"].get("alias", []):
            by_norm.setdefault((e["cls"], norm(n)), []).append(e)
    by = {(e["cls"], e["name"]): e for e in entries}
    files = sorted(glob.glob(os.path.join(gold_dir, "*.gold.tsv")))
    if not files:
        rep.warn(gold_dir, "no gold files found; gold check skipped")
        return 0
    checked = 0
    for path in files:
        gold_entity, gold_names = {}, {}
        with open(path, encoding="utf-8") as f:
            lines = [ln.rstrip("\n") for ln in f]
        for lineno, line in enumerate(lines, 1):
            cols = line.split("\t")
            if not cols[0].startswith("entity"):
                continue
            where = f"{os.path.basename(path)}:{lineno}"
            typ, canon, names = cols[1], cols[2], cols[2:]
            if typ not in KEYS or norm(canon) in GOLD_SKIP:
                continue
            checked += 1
            found = []
            for n in names:
                for e in by_norm.get((typ, norm(n)), []):
                    if e not in found:
                        found.append(e)
            if not found:
                rep.error(where, f"gold {typ} {canon!r} is not in the gazetteer")
                continue
            if len(found) > 1:
                rep.error(where, f"gold {typ} {canon!r} matches several entries: "
                          + ", ".join(repr(e["name"]) for e in found))
                continue
            e = found[0]
            gold_entity[canon] = e
            gold_names[canon] = names
            if norm(e["name"]) not in {norm(n) for n in names}:
                rep.error(where, f"canonical {e['name']!r} is not among the gold names "
                          f"{names}: its label would not score")
            mine = {norm(n) for n in [e["name"]] + e["keys"].get("alias", [])}
            missing = [n for n in names if norm(n) not in mine]
            if missing:
                rep.warn(where, f"{e['name']!r} lacks the gold alias(es) {missing}")
        for lineno, line in enumerate(lines, 1):
            cols = line.split("\t")
            if cols[0] != "rel" or len(cols) < 4:
                continue
            s, p, objs = cols[1], cols[2], cols[3].split("|")
            where = f"{os.path.basename(path)}:{lineno}"
            se = gold_entity.get(s)
            oes = [gold_entity.get(o) for o in objs]
            if se is None or not any(oes):
                continue
            key = {"leaderOf": "leads", "memberOf": "members", "capitalOf": "capital"}.get(p)
            if key is None:
                continue
            held = False
            for oe in oes:
                if oe is None:
                    continue
                if p == "leaderOf":
                    held |= oe["name"] in se["keys"].get("leads", [])
                elif p == "memberOf":
                    held |= se["name"] in oe["keys"].get("members", []) or \
                        oe["name"] in se["keys"].get("partOf", [])
                elif p == "capitalOf":
                    held |= se["name"] in oe["keys"].get("capital", [])
            if not held:
                rep.warn(where, f"gold fact {s} {p} {cols[3]} is not in the gazetteer "
                         "(the text must supply it)")
    return checked


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*",
                    default=[os.path.join(ROOT, "data", f) for f in DATA_FILES])
    ap.add_argument("--gold", default=os.path.join(ROOT, "..", "shared", "gold"))
    ap.add_argument("--quiet", action="store_true", help="print errors and the summary only")
    args = ap.parse_args(argv)

    rep = Report(args.quiet)
    entries = read(args.files, rep)
    check_entries(entries, rep)
    check_refs(entries, rep)
    check_offices(entries, rep)
    check_aliases(entries, rep)
    checked = check_gold(entries, args.gold, rep) if os.path.isdir(args.gold) else 0
    if not os.path.isdir(args.gold):
        rep.warn(args.gold, "not a folder; gold check skipped")

    if not args.quiet:
        for w in rep.warnings:
            print(f"warning: {w}")
    for e in rep.errors:
        print(f"error: {e}")
    counts = {}
    for e in entries:
        counts[e["cls"]] = counts.get(e["cls"], 0) + 1
    print("gazetteer: " + ", ".join(f"{counts.get(c, 0)} {c}" for c in KEYS) +
          f"; {checked} gold entities checked; "
          f"{len(rep.errors)} errors, {len(rep.warnings)} warnings")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
