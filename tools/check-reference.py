#!/usr/bin/env python3
"""Cross-check newskg's gazetteer against second sources.

    tools/check-reference.py                    # data/ against ../shared/reference
    tools/check-reference.py --shared DIR       # the shared folder (holds reference/)
    tools/check-reference.py --data DIR -v      # other data folder; list what was covered

Every ID, name, capital, demonym, membership and office of data/*.tsv that a
reference file covers is compared with it:

  country   ../shared/reference/countries_merged.tsv, per ISO 3166 alpha-3 code:
            the country is there, same Wikidata QID, the reference's name and
            official name are our canonical name or an alias, its capital is one
            of our capitals, its demonyms are ours (or, where several entries
            share a demonym, belong to the state news means: see data/README.md),
            same UN membership;
  owid      owid_countries_regions.csv: same QID, its name is one of ours;
  org       international_orgs_supraverden.tsv: an organisation whose name is
            one of ours has our wikidata= QID (a missing one is reported too),
            our QID names an organisation of ours, and its abbreviation (one
            word of three letters or more: two-letter aliases are avoided on
            purpose) is an alias of ours;
  members   dieghernan_country_org_membership.csv: for each organisation with
            members= whose name or acronym the file knows, the same member states;
  office    leaders_countryinfo.tsv (heads of state and government to about 2011):
            a person listed there who is in people.tsv holds an office= in that
            country (or in a body of it, such as its ruling party) whose dates
            overlap the listed term and begin, and for an ended term end, within
            DATE_SLACK_DAYS of the listed dates; for a head of state or government
            the country is in leads=;
  iso       Debian's iso-codes (/usr/share/iso-codes/json/iso_3166-1.json), when
            installed: every code is a country with that iso2=/iso3=, and ISO's
            names are among ours;
  package   the npm package world-countries, when found: tools/gen-countries.py
            --check regenerates countries.tsv and cities.tsv from it and they must
            come out unchanged (needs iso-codes too).

A disagreement where our data is right and the reference is stale or differs
on purpose is listed, with its reason, in tools/reference-exceptions.tsv; an
exception that no longer matches anything is an error too, so the list stays
short and true.  Exit status: 0 all agree, 1 a disagreement, 77 (automake's
SKIP) when the reference folder is absent.  Python 3 standard library only.
"""

import argparse
import csv
import datetime
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA_FILES = ["countries.tsv", "cities.tsv", "organizations.tsv", "people.tsv"]
ISO_CODES = "/usr/share/iso-codes/json/iso_3166-1.json"
WORLD_COUNTRIES_DIRS = [
    "/tmp/wc/node_modules/world-countries",
    "/usr/lib/node_modules/world-countries",
    "/usr/local/lib/node_modules/world-countries",
    os.path.expanduser("~/node_modules/world-countries"),
    os.path.join(ROOT, "node_modules", "world-countries"),
]
SKIP = 77

# How far an office='s start or end may lie from the date the leaders file
# gives (an inauguration against a swearing-in; a coarse date counts from the
# nearest day it may mean).
DATE_SLACK_DAYS = 31

# leaders_countryinfo.tsv roles that are not the head of state or government
# of the country (deputies, governors of territories, envoys).
NOT_LEADER_ROLE = re.compile(
    r"vice|deputy|governor|administrator|commissioner|representative|"
    r"chief minister|cabinet chief|lieutenant", re.I)


# ------------------------------------------------------------------ text

def fold(s):
    """Comparison key: no accents, no case, one space; 'St.' = 'Saint'."""
    table = {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L", "đ": "d",
             "Đ": "D", "ı": "i", "ß": "ss", "’": "'", "‘": "'"}
    s = "".join(table.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"\bst\.?(?=\s)", "saint", s)
    return " ".join(s.replace("-", " ").split())


def date_span(s):
    """The first and last day that '2012-05-07', '2012-05' or '2012' may mean."""
    parts = [int(p) for p in s.split("-")]
    if len(parts) == 3:
        day = datetime.date(*parts)
        return day, day
    if len(parts) == 2:
        first = datetime.date(parts[0], parts[1], 1)
        following = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, following - datetime.timedelta(days=1)
    return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)


def days_off(ours, ref):
    """Days between the reference's date and the nearest day ours may mean."""
    first, last = date_span(ours)
    if first <= ref <= last:
        return 0
    return min(abs((ref - first).days), abs((ref - last).days))


def parse_date(s, end):
    """'2012-05-07', '2012-05' or '2012' as (y, m, d); a coarse date is taken at
    the edge of its span that makes an interval widest."""
    parts = [int(p) for p in s.split("-")]
    if end:
        defaults = [None, 12, 31]
    else:
        defaults = [None, 1, 1]
    return tuple(parts + defaults[len(parts):])


# ------------------------------------------------------------------ our data

def read_gazetteer(data_dir):
    """{(class, name): {key: [values]}} of the four data files, merged as the
    loader merges them."""
    entries = {}
    for name in DATA_FILES:
        path = os.path.join(data_dir, name)
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                keys = entries.setdefault((cols[0], cols[1]), {})
                for col in cols[2:]:
                    k, _, v = col.partition("=")
                    cur = keys.setdefault(k, [])
                    cur.extend(x for x in v.split("|") if x not in cur)
    return entries


def names_of(keys, name):
    return [name] + keys.get("alias", [])


class Gazetteer:
    def __init__(self, entries, overrides):
        self.entries = entries
        self.overrides = overrides
        self.of_class = {}
        for (cls, name), keys in entries.items():
            self.of_class.setdefault(cls, {})[name] = keys
        self.countries = self.of_class.get("Country", {})
        self.by_iso3 = {}
        for name, keys in self.countries.items():
            for iso in keys.get("iso3", []):
                self.by_iso3[iso] = name
        self.demonym_owner = {}
        for name, keys in self.countries.items():
            for d in keys.get("demonym", []):
                self.demonym_owner[fold(d)] = name
        self.city_names = {}
        for name, keys in self.of_class.get("City", {}).items():
            self.city_names[name] = {fold(n) for n in names_of(keys, name)}

    def names(self, cls, name):
        return {fold(n) for n in names_of(self.of_class[cls][name], name)}

    def has_name(self, country, value):
        """value is a name of the country, or one the overrides remove on purpose."""
        iso = self.countries[country].get("iso3", [""])[0]
        removed = self.overrides.get(iso, {}).get("alias", set())
        return fold(value) in self.names("Country", country) | removed

    def has_demonym(self, country, value):
        """value is some Country's demonym (data/README.md: a demonym shared by
        several entries is kept for the state news means), or one that the
        overrides remove or replace on purpose."""
        iso = self.countries[country].get("iso3", [""])[0]
        removed = self.overrides.get(iso, {}).get("demonym", set())
        return fold(value) in self.demonym_owner or fold(value) in removed or "*" in removed


def read_overrides(path):
    """What tools/country-overrides.tsv takes out of the generated countries on
    purpose (its comments say why): {iso3: {key: {folded values}}} for
    '-key=v|v' ops, and the value '*' for a 'key=v|v' op that replaces the
    dataset's values of a key."""
    out = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or cols[0] != "country":
                continue
            for op in cols[2:]:
                k, _, v = op.partition("=")
                if k.startswith("-"):
                    out.setdefault(cols[1], {}).setdefault(k[1:], set()).update(
                        fold(x) for x in v.split("|"))
                elif k in ("alias", "demonym"):
                    out.setdefault(cols[1], {}).setdefault(k, set()).add("*")
    return out


# ------------------------------------------------------------------ report

class Report:
    """Disagreements keyed (check, subject, detail), matched against the
    exceptions file."""

    def __init__(self, exceptions, verbose):
        self.exceptions = exceptions          # key -> [reason, used]
        self.errors = []
        self.excused = 0
        self.ran = set()
        self.verbose = verbose

    def disagree(self, check, subject, detail, message):
        exc = self.exceptions.get((check, subject, detail))
        if exc is not None:
            exc[1] = True
            self.excused += 1
            return
        self.errors.append(f"{check}: {subject}: {message} "
                           f"[exception key: {check}\t{subject}\t{detail}]")

    def covered(self, check, text):
        self.ran.add(check)
        print(f"{check}: {text}")

    def note(self, text):
        if self.verbose:
            print(f"  {text}")

    def unused_exceptions(self):
        return [f"{k[0]}\t{k[1]}\t{k[2]}" for k, (_, used) in self.exceptions.items()
                if not used and k[0] in self.ran]


def read_exceptions(path):
    out = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4 or not cols[3].strip():
                sys.exit(f"{path}:{lineno}: want CHECK<TAB>SUBJECT<TAB>DETAIL<TAB>REASON")
            for detail in cols[2].split("|"):
                out[(cols[0], cols[1], detail)] = [cols[3], False]
    return out


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# ------------------------------------------------------------------ countries

def is_plain_name(s):
    """Names that English news could write: no inverted ISO forms, no brackets."""
    return s and "," not in s and "(" not in s


def check_countries(gz, rows, rep):
    for row in rows:
        iso = row["iso3"]
        name = gz.by_iso3.get(iso)
        if name is None:
            rep.disagree("country", row["name"], iso, f"{iso} is not the iso3= of any Country")
            continue
        keys = gz.countries[name]
        qid = row["wikidata_qid"]
        if qid and keys.get("wikidata") != [qid]:
            rep.disagree("country", name, qid, f"wikidata={keys.get('wikidata')}, reference {qid}")
        for ref_name in (row["name"], row["official_name"]):
            if is_plain_name(ref_name) and not gz.has_name(name, ref_name):
                rep.disagree("country", name, ref_name, f"reference name {ref_name!r} is not ours")
        check_capital(gz, name, keys, row["capital"], rep)
        for d in re.split(r", | or ", row["demonym_en"]):
            if d and not gz.has_demonym(name, d):
                rep.disagree("country", name, d, f"reference demonym {d!r} is no Country's")
        un = "member" if row["un_member"] == "True" else None
        if (keys.get("un") == ["member"]) != (un == "member"):
            rep.disagree("country", name, "un", f"un={keys.get('un')}, reference "
                         f"un_member={row['un_member']}")
    rep.covered("country", f"{len(rows)} countries of countries_merged.tsv")


def same_capital(ref, ours):
    """data/README.md names a capital whose name is also a common word or its
    country's name after its territory ('Hamilton, Bermuda') or as a city
    ('Luxembourg City'); the reference's bare name is that capital."""
    ref = fold(ref)
    return any(o in (ref, ref + " city") or o.startswith(ref + ", ") for o in ours)


def check_capital(gz, name, keys, ref_capitals, rep):
    ours = set()
    for cap in keys.get("capital", []):
        ours |= gz.city_names.get(cap, {fold(cap)})
    for cap in ref_capitals.split(" | "):
        if not cap:
            continue
        if same_capital(cap, ours):
            continue
        if not keys.get("capital") and fold(cap) in gz.names("Country", name):
            continue          # a city-state: the country is its own capital
        rep.disagree("country", name, cap, f"reference capital {cap!r} is not among "
                     f"capital={keys.get('capital')}")


def check_owid(gz, rows, rep):
    n = 0
    for row in rows:
        iso = row["iso_alpha3"]
        if not re.fullmatch(r"[A-Z]{3}", iso) or row["code"].startswith("OWID"):
            continue
        n += 1
        name = gz.by_iso3.get(iso)
        if name is None:
            rep.disagree("owid", row["name"], iso, f"{iso} is not the iso3= of any Country")
            continue
        qid = row["wikidata_uri"].rsplit("/", 1)[-1]
        if qid and gz.countries[name].get("wikidata") != [qid]:
            rep.disagree("owid", name, qid, f"wikidata={gz.countries[name].get('wikidata')}, "
                         f"reference {qid}")
        ref_name = re.sub(r"\s*\(country\)$", "", row["name"])
        if is_plain_name(ref_name) and not gz.has_name(name, ref_name):
            rep.disagree("owid", name, ref_name, f"reference name {ref_name!r} is not ours")
    rep.covered("owid", f"{n} countries of owid_countries_regions.csv")


# ------------------------------------------------------------------ organisations

def is_acronym(s):
    return not any(c.islower() for c in s)


def check_orgs(gz, rows, rep):
    orgs = gz.of_class.get("Organization", {})
    by_qid = {}
    by_name = {}
    for row in rows:
        qid = row["wikidata_qid"] if row["wikidata_qid"].startswith("Q") else None
        row["_qid"] = qid
        if qid:
            by_qid.setdefault(qid, []).append(row)
        names = [row["name_en"]] + [n for n in row["other_names_en"].split(" | ") if n]
        row["_names"] = {fold(n) for n in names}
        for n in row["_names"]:
            by_name.setdefault(n, []).append(row)
    matched = 0
    for name, keys in sorted(orgs.items()):
        ours = [n for n in names_of(keys, name) if not is_acronym(n)]
        rows_here = []
        for n in ours:
            for row in by_name.get(fold(n), []):
                if row not in rows_here:
                    rows_here.append(row)
        qids = sorted({r["_qid"] for r in rows_here if r["_qid"]})
        mine = keys.get("wikidata", [None])[0]
        if rows_here:
            matched += 1
        if qids and mine is None:
            rep.disagree("org", name, qids[0], f"no wikidata=; the reference has {qids}")
        elif qids and mine not in qids:
            rep.disagree("org", name, mine, f"wikidata={mine}; the reference has {qids}")
        if mine and mine in by_qid:
            ref_names = set().union(*(r["_names"] for r in by_qid[mine]))
            if not ref_names & {fold(n) for n in ours}:
                rep.disagree("org", name, mine, f"wikidata={mine} is "
                             f"{by_qid[mine][0]['name_en']!r} in the reference")
        aliases = {a.casefold() for a in keys.get("alias", [])}
        for row in rows_here:
            abbr = row["abbreviation_en"].strip()
            if (len(abbr) >= 3 and not re.search(r"[\s/]", abbr)
                    and abbr.casefold() not in aliases | {name.casefold()}):
                rep.disagree("org", name, abbr, f"reference abbreviation {abbr!r} is not an alias")
    rep.covered("org", f"{matched} of our {len(orgs)} organisations are in "
                "international_orgs_supraverden.tsv")


def check_members(gz, rows, rep):
    members = {}
    names = {}
    for row in rows:
        oid = row["org_id"].strip()
        names.setdefault(oid, set()).update({fold(row["org_name"]), fold(oid)})
        if row["org_member"].strip() == "member":
            members.setdefault(oid, set()).add(row["ISO_3166_3"])
    orgs = gz.of_class.get("Organization", {})
    compared = 0
    for name, keys in sorted(orgs.items()):
        if "members" not in keys:
            continue
        oid = reference_org(name, keys, names)
        if oid is None:
            rep.note(f"members: {name}: not in the reference")
            continue
        compared += 1
        ours = {}
        for m in keys["members"]:
            for iso in gz.countries.get(m, {}).get("iso3", [m]):
                ours[iso] = m
        theirs = members.get(oid, set())
        for iso in sorted(set(ours) - theirs):
            rep.disagree("members", name, ours[iso], f"member {ours[iso]} is not a "
                         f"member of {oid} in the reference")
        for iso in sorted(theirs - set(ours)):
            country = gz.by_iso3.get(iso, iso)
            rep.disagree("members", name, country, f"the reference's {oid} member "
                         f"{country} is not in members=")
    rep.covered("members", f"members= of {compared} organisations against "
                "dieghernan_country_org_membership.csv")


def reference_org(name, keys, names):
    """The reference's org_id for our organisation: the one whose name is our
    canonical name, else one that an alias names (first in id order)."""
    canon = fold(name)
    ours = {fold(n) for n in names_of(keys, name)}
    exact = sorted(oid for oid, ns in names.items() if canon in ns)
    if exact:
        return exact[0]
    some = sorted(oid for oid, ns in names.items() if ns & ours)
    return some[0] if some else None


# ------------------------------------------------------------------ offices

def parse_offices(values):
    """(title, target, start, end, start text, end text) of each office= value;
    an office held now ends at (9999, 12, 31) and has the end text ''."""
    out = []
    for v in values:
        title, target, start, end = v.split(";")
        out.append((title, target, parse_date(start, False),
                    parse_date(end, True) if end else (9999, 12, 31), start, end))
    return out


def ymd(field):
    """'20120507' as a date; None for 'present(2011)' and the like."""
    if not re.fullmatch(r"\d{8}", field):
        return None
    return datetime.date(int(field[:4]), int(field[4:6]), int(field[6:]))


def leaders_iso(field):
    """The country code of a leaders_countryinfo row: the last ISO3 code of
    '[YUGSRB <...][SRB >20030101]'; 'USAASM' (a territory) -> 'ASM'."""
    codes = re.findall(r"[A-Z]{3,6}", field)
    return codes[-1][-3:] if codes else None


def check_offices(gz, rows, rep):
    people = gz.of_class.get("Person", {})
    by_name = {}
    for name, keys in people.items():
        by_name.setdefault(fold(name), set()).add(name)
        for a in keys.get("alias", []):
            if " " in a:
                by_name.setdefault(fold(a), set()).add(name)
    bodies = {}                     # a country -> it and its bodies (ruling party)
    for name in gz.countries:
        bodies[name] = {name}
    for name, keys in gz.of_class.get("Organization", {}).items():
        for country in keys.get("country", []):
            bodies.setdefault(country, {country}).add(name)
    checked = 0
    for row in rows:
        iso = leaders_iso(row["iso3"])
        country = gz.by_iso3.get(iso)
        if country is None or not re.fullmatch(r"\d{8}", row["start"]):
            continue
        found = set()
        for n in row["name"].split(" | "):
            found |= by_name.get(fold(n), set())
        if len(found) != 1:
            continue
        person = found.pop()
        checked += 1
        start = (int(row["start"][:4]), int(row["start"][4:6]), int(row["start"][6:]))
        end = ((int(row["end"][:4]), int(row["end"][4:6]), int(row["end"][6:]))
               if re.fullmatch(r"\d{8}", row["end"]) else (9999, 12, 31))
        term = f"{row['role']} {row['start']}-{row['end']}"
        keys = people[person]
        leader = not NOT_LEADER_ROLE.search(row["role"])
        if leader and country not in keys.get("leads", []):
            rep.disagree("office", person, term, f"the reference lists {term} of "
                         f"{country}; leads= lacks {country}")
        offices = [o for o in parse_offices(keys.get("office", []))
                   if o[1] in bodies[country] and o[2] <= end and start <= o[3]]
        if not offices:
            rep.disagree("office", person, term, f"the reference lists {term} of "
                         f"{country}; no office= there overlaps it")
            continue
        check_term_dates(person, term, offices, row, rep)
    rep.covered("office", f"{checked} terms of leaders_countryinfo.tsv held by people "
                "in people.tsv")


def check_term_dates(person, term, offices, row, rep):
    """One of the overlapping offices begins, and (for an ended term) one ends,
    near the reference's dates."""
    ref_start, ref_end = ymd(row["start"]), ymd(row["end"])
    off = min(days_off(o[4], ref_start) for o in offices)
    if off > DATE_SLACK_DAYS:
        starts = ", ".join(o[4] for o in offices)
        rep.disagree("office", person, f"{term} start", f"the reference's {term} "
                     f"begins {ref_start}; the office= there begins {starts}")
    if ref_end is None:
        return
    ends = [o[5] for o in offices if o[5]]
    if not ends or min(days_off(e, ref_end) for e in ends) > DATE_SLACK_DAYS:
        rep.disagree("office", person, f"{term} end", f"the reference's {term} "
                     f"ends {ref_end}; the office= there ends {', '.join(ends) or 'not yet'}")


# ------------------------------------------------------------------ packages

def check_iso_codes(gz, path, rep):
    with open(path, encoding="utf-8") as f:
        codes = json.load(f)["3166-1"]
    for c in codes:
        name = gz.by_iso3.get(c["alpha_3"])
        if name is None:
            rep.disagree("iso", c["name"], c["alpha_3"], f"{c['alpha_3']} is not the iso3= "
                         "of any Country")
            continue
        keys = gz.countries[name]
        if keys.get("iso2") != [c["alpha_2"]]:
            rep.disagree("iso", name, c["alpha_2"], f"iso2={keys.get('iso2')}, "
                         f"ISO {c['alpha_2']}")
        for k in ("name", "common_name", "official_name"):
            n = re.sub(r"^the ", "", c.get(k, ""))
            if is_plain_name(n) and not gz.has_name(name, n):
                rep.disagree("iso", name, n, f"ISO {k} {n!r} is not ours")
    rep.covered("iso", f"{len(codes)} codes of {path}")


def find_world_countries():
    for d in [os.environ.get("WORLD_COUNTRIES", "")] + WORLD_COUNTRIES_DIRS:
        if d and os.path.isfile(os.path.join(d, "countries.json")):
            return d
    return None


def generated_with(path):
    """The iso-codes version named in a generated file's header."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            m = re.search(r"iso-codes (\S+)", line)
            if m:
                return m.group(1)
    return None


def installed_iso_codes(json_path):
    pc = os.path.join(os.path.dirname(json_path), "..", "..", "pkgconfig", "iso-codes.pc")
    if os.path.exists(pc):
        with open(pc, encoding="utf-8") as f:
            for line in f:
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
    return None


def check_package(source, data_dir, shared, iso_json, rep):
    used = generated_with(os.path.join(data_dir, "countries.tsv"))
    have = installed_iso_codes(iso_json)
    if used != have:
        print(f"package: SKIP: countries.tsv was generated with iso-codes {used}, "
              f"{have} is installed: the same inputs are needed to reproduce it")
        return
    cmd = [sys.executable, os.path.join(HERE, "gen-countries.py"), "--source", source,
           "--out", data_dir, "--check", "--iso-codes", iso_json,
           "--reference", os.path.join(shared, "reference", "countries_merged.tsv")]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        rep.disagree("package", "countries.tsv", "regenerated",
                     "tools/gen-countries.py does not reproduce the committed files "
                     f"from {source}: {res.stderr.strip() or res.stdout.strip()}")
    rep.covered("package", f"countries.tsv and cities.tsv regenerated from {source}")


# ------------------------------------------------------------------ main

def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.environ.get("SHARED",
                                                      os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--data", default=os.path.join(ROOT, "data"))
    ap.add_argument("--exceptions", default=os.path.join(HERE, "reference-exceptions.tsv"))
    ap.add_argument("--overrides", default=os.path.join(HERE, "country-overrides.tsv"))
    ap.add_argument("--iso-codes", default=ISO_CODES)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    ref = os.path.join(args.shared, "reference")
    if not os.path.isdir(ref):
        print(f"check-reference: SKIP: no {ref} (set SHARED or --shared)")
        return SKIP
    gz = Gazetteer(read_gazetteer(args.data), read_overrides(args.overrides))
    rep = Report(read_exceptions(args.exceptions), args.verbose)

    def ref_file(name, reader, check):
        path = os.path.join(ref, name)
        if not os.path.exists(path):
            print(f"{name}: SKIP: not in {ref}")
            return
        check(gz, reader(path), rep)

    ref_file("countries_merged.tsv", read_tsv, check_countries)
    ref_file("owid_countries_regions.csv", read_csv, check_owid)
    ref_file("international_orgs_supraverden.tsv", read_tsv, check_orgs)
    ref_file("dieghernan_country_org_membership.csv", read_csv, check_members)
    ref_file("leaders_countryinfo.tsv", read_tsv, check_offices)
    if os.path.exists(args.iso_codes):
        check_iso_codes(gz, args.iso_codes, rep)
    else:
        print(f"iso: SKIP: no {args.iso_codes} (apt-get install iso-codes)")
    source = find_world_countries()
    if source is None:
        print("package: SKIP: world-countries not found (cd /tmp/wc && npm install "
              "world-countries@5.1.0, or set WORLD_COUNTRIES to its folder)")
    elif not os.path.exists(args.iso_codes):
        print("package: SKIP: tools/gen-countries.py needs iso-codes too")
    else:
        check_package(source, args.data, args.shared, args.iso_codes, rep)

    for e in rep.errors:
        print(f"error: {e}")
    unused = rep.unused_exceptions()
    for k in unused:
        print(f"error: exception matches nothing (remove it): {k}")
    print(f"check-reference: {len(rep.errors) + len(unused)} errors, "
          f"{rep.excused} disagreements excused by {os.path.relpath(args.exceptions)}")
    return 1 if rep.errors or unused else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
