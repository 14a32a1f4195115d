#!/usr/bin/env python3
"""Generate data/countries.tsv and the capitals part of data/cities.tsv.

Sources: the npm package `world-countries` 5.1.0 (mledoze/countries, ODbL 1.0),
its `countries.json`; the Debian package `iso-codes` (ISO 3166-1 as JSON,
/usr/share/iso-codes/json/iso_3166-1.json) for the alpha-2 codes and ISO's
short, common and official names; Wikidata QIDs (CC0) from
../shared/reference/countries_merged.tsv; hand-made corrections and additions
from tools/country-overrides.tsv.

    mkdir -p /tmp/wc && cd /tmp/wc && npm install world-countries@5.1.0
    apt-get install -y iso-codes
    tools/gen-countries.py --source /tmp/wc/node_modules/world-countries          # rewrites
    tools/gen-countries.py --source /tmp/wc/node_modules/world-countries --check  # exit 1 if
                                                                   # they would change

What it keeps from the dataset, and why:
  * canonical name = name.common (English), unless the overrides rename it;
  * aliases = name.official and those altSpellings that English news could write:
    plain ASCII, no two-letter codes (they would match "IN", "AS", "IT"), no
    inverted ISO forms ("Korea, Republic of"), no parentheses, and nothing that
    is the country's native name in another language (compared without case
    and accents); the overrides remove the romanised native names left over;
  * ISO 3166-1's name, common name and official name, unless inverted ("Korea,
    Republic of") or parenthesised ("Falkland Islands (Malvinas)"), without a
    leading "the" ("the State of Palestine");
  * an ASCII-folded copy of every name with diacritics ("Türkiye" -> "Turkiye");
  * demonyms = demonyms.eng (adjective) plus a regular plural people form;
  * capital, borders (as canonical names), iso2 (from iso-codes), iso3 (the
    dataset's cca3), un (member/observer/no).

data/cities.tsv is generated above the line MANUAL_MARKER; everything below
that line is hand-written and copied through unchanged, so re-running the
generator reproduces the committed files exactly.

Python 3 standard library only.
"""

import argparse
import csv
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

MANUAL_MARKER = "# ==== hand-written cities below; not generated, edit freely ===="

KEY_ORDER = {
    "Country": ["alias", "demonym", "capital", "borders", "iso2", "iso3", "un",
                "wikipedia", "wikidata"],
    "City": ["alias", "country", "capital", "standsFor", "wikipedia", "wikidata"],
}


def fold(s):
    """Strip accents: 'Côte d'Ivoire' -> 'Cote d'Ivoire'.  Letters that do not
    decompose (ø, æ, ł, đ, ı) are mapped by hand."""
    table = {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L",
             "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "’": "'", "‘": "'"}
    s = "".join(table.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def key(s):
    """Comparison key: accent- and case-insensitive."""
    return fold(s).casefold().strip()


def latin_only(s):
    """True when every letter of s is a Latin letter (no IPA, no modifier
    letters such as ʻ or ʾ) and the only other characters are those that
    occur in English names: space, hyphen, apostrophe, full stop."""
    for c in s:
        if c in " -'’.":
            continue
        if not c.isalpha():
            return False
        name = unicodedata.name(c, "")
        if not name.startswith("LATIN") or "TURNED" in name or "REVERSED" in name:
            return False
        if "\u0250" <= c <= "\u02ff":          # IPA extensions, modifier letters
            return False
    return True


def uniq(values):
    seen, out = set(), []
    for v in values:
        v = v.strip()
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


def plural(demonym):
    """Regular plural of a people demonym, or None where English has none
    by rule ('Chinese', 'French', 'Swiss', 'Malagasy'): the overrides give
    the irregular people forms (Frenchman, Briton, Spaniard...)."""
    if demonym.endswith(("ese", "sh", "ch", "s", "sy", "x", "z")):
        return None
    return demonym + "s"


# ---------------------------------------------------------------- overrides

def read_overrides(path):
    """Return ({iso3: [ops]}, {city: [ops]}).  An op is (mode, key, values)
    with mode '=' (replace), '+' (append) or '-' (remove)."""
    countries, cities = {}, {}
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3 or cols[0] not in ("country", "city"):
                sys.exit(f"{path}:{lineno}: expected 'country|city<TAB>id<TAB>op...'")
            ops = []
            for op in cols[2:]:
                if not op:
                    continue
                mode = "="
                if op[0] in "+-":
                    mode, op = op[0], op[1:]
                if "=" not in op:
                    sys.exit(f"{path}:{lineno}: bad op {op!r}")
                k, v = op.split("=", 1)
                ops.append((mode, k, [x for x in v.split("|") if x]))
            target = countries if cols[0] == "country" else cities
            target.setdefault(cols[1], []).extend(ops)
    return countries, cities


def apply_ops(entry, ops, where):
    for mode, k, values in ops:
        if k == "name":
            if mode != "=" or len(values) != 1:
                sys.exit(f"{where}: name= takes one value")
            entry["name"] = values[0]
            continue
        cur = entry.setdefault(k, [])
        if mode == "=":
            entry[k] = list(values)
        elif mode == "+":
            entry[k] = uniq(cur + values)
        else:
            missing = [v for v in values if v not in cur]
            if missing:
                sys.exit(f"{where}: cannot remove {k}={'|'.join(missing)}: not there")
            entry[k] = [v for v in cur if v not in values]


# ---------------------------------------------------------------- building

def native_names(c):
    """Keys of the country's names in its non-English official languages."""
    names = set()
    for lang, n in c["name"].get("native", {}).items():
        if lang != "eng":
            names.update(key(x) for x in n.values())
    names.discard(key(c["name"]["common"]))
    names.discard(key(c["name"]["official"]))
    return names


def english_aliases(c):
    """name.official (when written in Latin letters) and the altSpellings
    that are plain ASCII, longer than two letters, not an inverted ISO form
    ("Korea, Republic of"), not parenthesised and not a native name.
    Romanised native names that survive this ("Nippon", "Hayastan") are
    removed in the overrides, one by one, so that the choice stays visible."""
    native = native_names(c)
    out = []
    official = c["name"]["official"]
    if latin_only(official.replace(",", "")):
        out.append(official)
    for a in c.get("altSpellings", []):
        if (len(a) <= 2 or not a.isascii() or any(ch in a for ch in ",()")
                or key(a) in native):
            continue
        out.append(a)
    return out


def demonyms(c):
    d = c.get("demonyms", {}).get("eng", {})
    forms = []
    for g in ("m", "f"):
        for part in d.get(g, "").replace(" or ", ",").split(","):
            part = part.strip()
            if part:
                forms.append(part)
    out = []
    for f in uniq(forms):
        out.append(f)
        p = plural(f)
        if p:
            out.append(p)
    return out


def add_folded(values, also_skip=()):
    out = list(values)
    skip = {key(x) for x in also_skip}
    for v in values:
        fv = fold(v)
        if fv != v and fv not in out and key(fv) not in skip:
            out.append(fv)
    return out


def iso_names(code):
    """ISO 3166-1's names of a country that English news could write."""
    out = []
    for k in ("name", "common_name", "official_name"):
        n = code.get(k, "")
        if n.startswith("the "):
            n = n[4:]
        if n and not any(ch in n for ch in ",()"):
            out.append(n)
    return out


def build(data, iso_codes, qids, country_ops, city_ops):
    by_iso = {c["cca3"]: c for c in data}
    entries = {}
    for iso, c in by_iso.items():
        code = iso_codes.get(iso, {})
        e = {
            "name": c["name"]["common"],
            "alias": uniq(english_aliases(c) + iso_names(code)),
            "demonym": demonyms(c),
            "capital": list(c.get("capital", [])),
            "borders": list(c.get("borders", [])),          # iso3 for now
            "iso2": [code["alpha_2"]] if code else [],
            "iso3": [iso],
            "un": ["member" if c.get("unMember") else "no"],
            "wikipedia": [c["name"]["common"].replace(" ", "_")],
            "wikidata": [qids[iso]] if qids.get(iso) else [],
        }
        entries[iso] = e
    unknown = set(country_ops) - set(entries)
    if unknown:
        sys.exit(f"overrides name unknown iso3 codes: {sorted(unknown)}")
    # Folded aliases first, so that an override can remove one again.
    for iso, e in entries.items():
        e["alias"] = add_folded([e["name"]] + e["alias"])[1:]
        e["demonym"] = add_folded(e["demonym"])
    for iso, ops in country_ops.items():
        apply_ops(entries[iso], ops, f"country {iso}")
    for e in entries.values():
        e["alias"] = [a for a in uniq(e["alias"]) if a.casefold() != e["name"].casefold()]
        e["demonym"] = uniq(e["demonym"])
    names = {iso: e["name"] for iso, e in entries.items()}
    for e in entries.values():
        e["borders"] = sorted((names[b] for b in e["borders"]), key=key)

    cities = {}
    for iso, e in entries.items():
        for cap in e["capital"]:
            if cap in cities:
                sys.exit(f"capital {cap!r} of {e['name']} is also the capital of "
                         f"{cities[cap]['country'][0]}: rename one in the overrides")
            cities[cap] = {"name": cap, "alias": [], "country": [e["name"]],
                           "capital": ["yes"]}
    unknown = set(city_ops) - set(cities)
    if unknown:
        sys.exit(f"overrides name unknown capitals: {sorted(unknown)}")
    for c in cities.values():
        c["alias"] = add_folded([c["name"]])[1:]
    for name, ops in city_ops.items():
        apply_ops(cities[name], ops, f"city {name}")
    for c in cities.values():
        c["alias"] = [a for a in uniq(c["alias"]) if a.casefold() != c["name"].casefold()]
    return list(entries.values()), list(cities.values())


# ---------------------------------------------------------------- output

def line(cls, e):
    cols = [cls, e["name"]]
    for k in KEY_ORDER[cls]:
        vals = e.get(k) or []
        if vals:
            cols.append(f"{k}={'|'.join(vals)}")
    for v in cols:
        if "\t" in v or "\n" in v:
            sys.exit(f"tab or newline in {v!r}")
    return "\t".join(cols)


def header(version, iso_version, what):
    return "\n".join([
        f"# newskg gazetteer: {what}",
        "# Format: see data/README.md (CLASS<TAB>Canonical Name<TAB>key=value|value...).",
        f"# Source: npm package world-countries {version} (https://github.com/mledoze/countries),",
        "#   (c) Mohammed Le Doze (mledoze), Open Database License 1.0 (ODbL 1.0);",
        "#   see data/LICENSE.world-countries.  This file is a derived database under ODbL 1.0.",
        f"# ISO 3166-1 alpha-2 codes and names: Debian package iso-codes {iso_version}",
        "#   (https://salsa.debian.org/iso-codes-team/iso-codes, LGPL 2.1 or later;",
        "#   see data/LICENSE.iso-codes).",
        "# Wikidata QIDs (CC0): ../shared/reference/countries_merged.tsv (iso3 -> wikidata_qid).",
        "# Corrections and additions: tools/country-overrides.tsv.",
        "# Generated by tools/gen-countries.py; do not edit (edit the overrides and re-run).",
        "",
    ])


def render(version, iso_version, countries, cities, manual_cities):
    key_name = lambda e: key(e["name"])
    out_c = header(version, iso_version, "countries and territories (class Country)")
    out_c += "\n".join(line("Country", e) for e in sorted(countries, key=key_name)) + "\n"
    out_t = header(version, iso_version, "cities (class City): capitals generated from world-countries,\n"
                   "# then hand-written major cities below the marker line")
    out_t = out_t.replace("# Generated by tools/gen-countries.py; do not edit",
                          "# Capitals generated by tools/gen-countries.py; do not edit them here")
    out_t += "\n".join(line("City", e) for e in sorted(cities, key=key_name)) + "\n"
    out_t += "\n" + MANUAL_MARKER + "\n" + manual_cities
    return out_c, out_t


def read_manual(path):
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    i = text.find(MANUAL_MARKER + "\n")
    if i < 0:
        sys.exit(f"{path}: marker line not found; refusing to drop hand-written cities")
    return text[i + len(MANUAL_MARKER) + 1:]


def read_qids(path):
    qids = {}
    if not os.path.exists(path):
        sys.exit(f"{path}: not found (needed for wikidata=)")
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row.get("wikidata_qid", "").startswith("Q"):
                qids[row["iso3"]] = row["wikidata_qid"]
    return qids


def read_iso_codes(path):
    """({alpha_3: ISO 3166-1 entry}, iso-codes version) from the iso-codes JSON
    file; the version is that of the package's pkg-config file beside it."""
    if not os.path.exists(path):
        sys.exit(f"{path}: not found (apt-get install iso-codes)")
    with open(path, encoding="utf-8") as f:
        codes = {c["alpha_3"]: c for c in json.load(f)["3166-1"]}
    pc = os.path.join(os.path.dirname(path), "..", "..", "pkgconfig", "iso-codes.pc")
    version = "(version unknown)"
    if os.path.exists(pc):
        with open(pc, encoding="utf-8") as f:
            for line in f:
                if line.startswith("Version:"):
                    version = line.split(":", 1)[1].strip()
    return codes, version


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", default="/tmp/wc/node_modules/world-countries",
                    help="unpacked world-countries npm package (folder with countries.json)")
    ap.add_argument("--reference", default=os.path.join(ROOT, "..", "shared", "reference",
                                                        "countries_merged.tsv"))
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json/iso_3166-1.json",
                    help="iso-codes' ISO 3166-1 JSON file")
    ap.add_argument("--overrides", default=os.path.join(HERE, "country-overrides.tsv"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data"))
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if the output files would change")
    args = ap.parse_args(argv)

    with open(os.path.join(args.source, "countries.json"), encoding="utf-8") as f:
        data = json.load(f)
    with open(os.path.join(args.source, "package.json"), encoding="utf-8") as f:
        version = json.load(f)["version"]
    iso_codes, iso_version = read_iso_codes(args.iso_codes)
    country_ops, city_ops = read_overrides(args.overrides)
    countries, cities = build(data, iso_codes, read_qids(args.reference), country_ops,
                              city_ops)

    cpath = os.path.join(args.out, "countries.tsv")
    tpath = os.path.join(args.out, "cities.tsv")
    out_c, out_t = render(version, iso_version, countries, cities, read_manual(tpath))
    changed = []
    for path, text in ((cpath, out_c), (tpath, out_t)):
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            changed.append(path)
            if not args.check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    if args.check:
        for p in changed:
            print(f"{p}: out of date; run tools/gen-countries.py", file=sys.stderr)
        return 1 if changed else 0
    print(f"{len(countries)} countries, {len(cities)} capitals; "
          f"{'wrote ' + ', '.join(changed) if changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
