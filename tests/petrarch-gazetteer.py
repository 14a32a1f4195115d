#!/usr/bin/env python3
"""Turn a TABARI/PETRARCH actor dictionary into a newskg user gazetteer.

    petrarch-gazetteer.py [--data DIR] [--classes FILE] [--codes FILE]
                          [-o FILE] ACTORS.txt

Writes the gazetteer (format: data/README.md) to -o (default: stdout) and,
with --codes, the actor codes of each entity, for comparing newskg's output
with PETRARCH's codings (tests/petrarch-score.py reads it):

    CLASS<TAB>Canonical Name<TAB>CODE|CODE<YYYYMMDD|CODE>YYYYMMDD|CODE=D1-D2

one line per dictionary record; `<`, `>` and `=` mark PETRARCH's date
restrictions (inclusive; the first that holds wins, else the plain codes);
a code without a letter (`---`) is no actor.

What the TABARI syntax means and what is kept:
  * `PHRASE [CODE]` starts a record; `+PHRASE` lines are its synonyms; lines
    starting with white space hold `[CODE]` or a date-restricted code
    (`[HOBGOV 19950601-19990815]`, `[HOB < 950601]`, six-digit dates are
    19YY above 30, else 20YY).  `A/B` in a code is two actors.
  * Comments, as PETRARCH2 reads them: `#` to the end of a line, lines
    starting with `<!`, and `<!--` up to the line holding `-->`;
    `---STOP---` ends the file.
  * In a phrase `_` joins words that must be adjacent and a space allows
    words between them; newskg matches names as written, so both become a
    space.  TABARI read a phrase without a final `_` as a stem ("ARGENTIN"
    for Argentina, Argentine); PETRARCH2 matches complete words only, and
    so does this: such a stem names only itself.
  * Codes without a letter (`---` unknown, `+++`, `###`) name no actor;
    the entity is still written, so that newskg knows the name.
  * The agents dictionary is not read: its role nouns ("government",
    "police") are combined with an actor at coding time (GON + GOV), which
    newskg does with its own titles and descriptions; the comparison uses
    the actor's state code only.  The verbs and discard dictionaries are
    PETRARCH's event coding, not names.

Classes: TABARI does not say what an actor is.  An entry of --classes
(`PHRASE<TAB>CLASS[<TAB>key=value...]`, the phrase as the dictionary writes
it) decides, and its key=values are copied to the line (gender=).  Else a
name, alias or demonym of the shipped gazetteer (--data) decides, and the
record adds to that entry.  Else a code of three letters is a Country and
any other an Organization.  A synonym listed in --classes becomes an entity
of its own with the record's codes.  A synonym that the shipped gazetteer
gives to another entry ("SEOUL" under SOUTH_KOREA: the City Seoul) keeps
that meaning: it adds no alias, but that entry gets the record's codes.

Names are written in title case.  A Country's one-word synonyms that end
like demonyms (-i, -ian, -an, -ese, -ish, -ch, and plurals) are demonyms.
A Person's leading title (the `title` phrases of DIR/lexicon.tsv) is
dropped (not before "of": "Prince of Dol Amroth" is a name); a `leader`
title makes the person lead the country of the code.  A Person, City or
Organization gets country= when the first three letters of its codes are
those of exactly one other Country.

Python 3 standard library only.
"""

import argparse
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field

GAZETTEER_FILES = ["countries.tsv", "cities.tsv", "organizations.tsv",
                   "people.tsv"]
DEMONYM_ENDINGS = ("i", "is", "ian", "ians", "ean", "eans", "an", "ans",
                   "ese", "ish", "ch")
SMALL_WORDS = {"of", "the", "and", "de", "al"}


@dataclass
class Code:
    """One actor code; restriction is "", "<", ">" or "=" (an interval)."""
    code: str
    restriction: str = ""
    dates: tuple = ()

    def spec(self):
        if self.restriction == "=":
            return f"{self.code}={self.dates[0]}-{self.dates[1]}"
        if self.restriction:
            return f"{self.code}{self.restriction}{self.dates[0]}"
        return self.code


@dataclass
class Record:
    """A dictionary record: its primary phrase, synonyms and codes."""
    line: int
    phrases: list            # raw phrases, the primary first
    codes: list = field(default_factory=list)


@dataclass
class Entity:
    """A gazetteer line to write, and the codes of the records it came from."""
    cls: str
    name: str
    keys: dict = field(default_factory=dict)     # key -> list of values
    codes: list = field(default_factory=list)    # one list of Code per record

    def add(self, key, value):
        values = self.keys.setdefault(key, [])
        if value not in values:
            values.append(value)


def fold(text):
    """The key names are compared by: no case, accents, `_`, leading "the"."""
    text = unicodedata.normalize("NFKD", text.replace("_", " "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.casefold().split())
    return text[4:] if text.startswith("the ") else text


def full_year(date):
    """YYYYMMDD from YYYYMMDD or TABARI's YYMMDD."""
    if len(date) == 6:
        return ("20" if int(date[:2]) <= 30 else "19") + date
    if len(date) != 8:
        raise ValueError(f"bad date {date!r}")
    return date


def parse_codes(text, where):
    """The Codes of `[CODE]`, `[CODE <D]`, `[CODE >D]` or `[CODE D-D]`."""
    inside = text.partition("[")[2].partition("]")[0].strip()
    if not inside:
        raise ValueError(f"{where}: empty code")
    code, _, rest = inside.partition(" ")
    rest = rest.replace(" ", "")
    if not rest:
        restriction, dates = "", ()
    elif rest[0] in "<>":
        restriction, dates = rest[0], (full_year(rest[1:]),)
    elif "-" in rest:
        first, _, last = rest.partition("-")
        restriction, dates = "=", (full_year(first), full_year(last))
    else:
        raise ValueError(f"{where}: bad date restriction {rest!r}")
    return [Code(c.upper(), restriction, dates) for c in code.split("/") if c]


def strip_comment(line):
    return line.partition("#")[0].rstrip()


def read_actor_dictionary(path):
    """The Records of a TABARI actor dictionary."""
    records = []
    in_comment = False
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            where = f"{path}:{n}"
            if in_comment:
                in_comment = "-->" not in raw
                continue
            if raw.startswith("<!"):
                continue
            if "<!--" in raw:
                before, _, after = raw.partition("<!--")
                in_comment = "-->" not in after
                raw = before + ("" if in_comment else after.partition("-->")[2])
            if "---STOP---" in raw:
                break
            line = strip_comment(raw)
            if not line.strip():
                continue
            if line[0] in " \t":
                if not records:
                    raise ValueError(f"{where}: code before any actor")
                records[-1].codes += parse_codes(line, where)
            elif line[0] == "+":
                if not records:
                    raise ValueError(f"{where}: synonym before any actor")
                records[-1].phrases.append(line[1:].strip())
            else:
                phrase, bracket, _ = line.partition("[")
                record = Record(n, [phrase.strip()])
                if bracket:
                    record.codes = parse_codes(line, where)
                records.append(record)
    return records


def display(phrase):
    """A phrase as a name: `RADAGAST THE_BROWN` -> "Radagast the Brown"."""
    words = phrase.replace("_", " ").split()
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i > 0 and lower in SMALL_WORDS:
            out.append(lower)
        elif "." in word:
            out.append(word)
        else:
            out.append("-".join(p.capitalize() for p in lower.split("-")))
    return " ".join(out)


def read_tsv(path):
    """Rows of a tab-separated file, without comments and empty lines."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line.split("\t")


def read_shipped(data_dir):
    """folded name -> (class, canonical, "name"|"alias"|"demonym")."""
    index = {}
    for name in GAZETTEER_FILES:
        path = os.path.join(data_dir, name)
        if not os.path.exists(path):
            continue
        for row in read_tsv(path):
            cls, canonical = row[0], row[1]
            index.setdefault(fold(canonical), (cls, canonical, "name"))
            for kv in row[2:]:
                key, _, values = kv.partition("=")
                if key in ("alias", "demonym"):
                    for v in values.split("|"):
                        index.setdefault(fold(v), (cls, canonical, key))
    return index


def read_titles(data_dir):
    """Title phrases of the lexicon, longest first: [(words, role)]."""
    path = os.path.join(data_dir, "lexicon.tsv")
    if not os.path.exists(path):
        return []
    titles = [(row[1].casefold().split(), row[2] if len(row) > 2 else "")
              for row in read_tsv(path) if row[0] == "title" and len(row) > 1]
    return sorted(titles, key=lambda t: -len(t[0]))


def read_classes(path):
    """folded phrase -> (class, [key=value...])."""
    classes = {}
    for row in read_tsv(path):
        if len(row) < 2 or row[1] not in ("Country", "City", "Organization",
                                          "Person"):
            raise ValueError(f"{path}: bad line {row!r}")
        classes[fold(row[0])] = (row[1], row[2:])
    return classes


def strip_title(name, titles):
    """(name without its leading title, the title's role or "")."""
    words = name.split()
    lowered = [w.casefold() for w in words]
    for title, role in titles:
        if (len(title) < len(words) and lowered[:len(title)] == title and
                words[len(title)][0].isupper()):
            return " ".join(words[len(title):]), role
    return name, ""


def looks_like_demonym(name):
    return " " not in name and name.casefold().endswith(DEMONYM_ENDINGS)


class Converter:
    """Builds the entities record by record; resolve_states() at the end."""

    def __init__(self, shipped, classes, titles):
        self.shipped = shipped
        self.classes = classes
        self.titles = titles
        self.entities = {}        # (class, name) -> Entity, in input order
        self.leader_of = []       # (Entity, state code) to resolve
        self.pending_country = []  # (Entity, state code) to resolve

    def entity(self, cls, name):
        key = (cls, name)
        if key not in self.entities:
            self.entities[key] = Entity(cls, name)
        return self.entities[key]

    def identify(self, phrases, codes, forced):
        """(class, canonical name, role of a stripped title) of a group."""
        cls = forced[0] if forced else None
        name, role = display(phrases[0]), ""
        if cls == "Person":
            name, role = strip_title(name, self.titles)
        for phrase in [name] + phrases:
            hit = self.shipped.get(fold(phrase))
            if hit and (cls is None or hit[0] == cls):
                return hit[0], hit[1], role
        if cls is None:
            actors = [c.code for c in codes if re.search("[A-Z]", c.code)]
            cls = ("Country" if actors and
                   all(re.fullmatch("[A-Z]{3}", a) for a in actors)
                   else "Organization")
        if name.startswith("The "):
            name = name[4:]
        return cls, name, role

    def add_group(self, phrases, codes, forced):
        cls, name, role = self.identify(phrases, codes, forced)
        ent = self.entity(cls, name)
        ent.codes.append(codes)
        for kv in forced[1] if forced else []:
            key, _, value = kv.partition("=")
            ent.add(key, value)
        for phrase in phrases:
            n = display(phrase)
            if cls == "Person":
                n = strip_title(n, self.titles)[0]
            if fold(n) == fold(name):
                continue
            hit = self.shipped.get(fold(n))
            if hit and hit[:2] == (cls, name):
                continue            # the shipped entry has it already
            if hit:                 # the shipped meaning wins
                self.entity(hit[0], hit[1]).codes.append(codes)
                continue
            key = ("demonym" if cls == "Country" and looks_like_demonym(n)
                   else "alias")
            ent.add(key, n)
        states = {c.code[:3] for c in codes if re.match("[A-Z]{3}", c.code)}
        if cls != "Country" and len(states) == 1:
            state = states.pop()
            self.pending_country.append((ent, state))
            if role == "leader":
                self.leader_of.append((ent, state))

    def add_record(self, record):
        groups = {}   # phrases of the record's entity, and split-off ones
        for i, phrase in enumerate(record.phrases):
            forced = self.classes.get(fold(phrase))
            own = i > 0 and forced is not None
            groups.setdefault(phrase if own else "", []).append(phrase)
        for phrases in groups.values():
            forced = self.classes.get(fold(phrases[0]))
            self.add_group(phrases, record.codes, forced)

    def resolve_states(self):
        """country= and leads= from the state part of the codes."""
        by_state = {}
        for ent in self.entities.values():
            if ent.cls == "Country":
                for codes in ent.codes:
                    for c in codes:
                        by_state.setdefault(c.code[:3], set()).add(ent.name)
        for pairs, key in ((self.pending_country, "country"),
                           (self.leader_of, "leads")):
            for ent, state in pairs:
                countries = by_state.get(state, set())
                if len(countries) == 1 and ent.cls != "Country":
                    ent.add(key, next(iter(countries)))

    def write_gazetteer(self, out, source):
        out.write(f"# newskg user gazetteer generated by petrarch-gazetteer.py"
                  f" from {os.path.basename(source)}\n")
        for ent in self.entities.values():
            fields = [ent.cls, ent.name]
            fields += [f"{k}={'|'.join(v)}" for k, v in ent.keys.items()]
            out.write("\t".join(fields) + "\n")

    def write_codes(self, out):
        for ent in self.entities.values():
            written = set()
            for codes in ent.codes:
                specs = "|".join(c.spec() for c in codes)
                if specs and specs not in written:
                    out.write(f"{ent.cls}\t{ent.name}\t{specs}\n")
                    written.add(specs)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("actors", help="TABARI actor dictionary")
    ap.add_argument("--data", help="newskg data directory (shipped gazetteer, "
                    "lexicon titles)")
    ap.add_argument("--classes", help="PHRASE<TAB>CLASS[<TAB>key=value...]")
    ap.add_argument("--codes", help="write the entities' actor codes here")
    ap.add_argument("-o", "--output", help="gazetteer file (default: stdout)")
    args = ap.parse_args(argv)
    try:
        conv = Converter(read_shipped(args.data) if args.data else {},
                         read_classes(args.classes) if args.classes else {},
                         read_titles(args.data) if args.data else [])
        for record in read_actor_dictionary(args.actors):
            conv.add_record(record)
        conv.resolve_states()
        if args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                conv.write_gazetteer(out, args.actors)
        else:
            conv.write_gazetteer(sys.stdout, args.actors)
        if args.codes:
            with open(args.codes, "w", encoding="utf-8") as out:
                conv.write_codes(out)
    except (OSError, ValueError) as e:
        print(f"petrarch-gazetteer.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
