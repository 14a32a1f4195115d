#!/usr/bin/env python3
"""Score a tagged and parsed CoNLL-U file against the gold one.

    tools/ud-score.py [--min NAME=VALUE ...] GOLD.conllu SYSTEM.conllu

Both files must hold the same sentences with the same words (the FORMs of
the integer-ID lines; multiword tokens, empty nodes and comments are not
compared): the system has tagged and parsed the gold tokenization.  Prints
the accuracy over every word, punctuation included, one "NAME VALUE" line
each with four decimals:

    UPOS   the universal part of speech
    XPOS   the language-specific part of speech
    LEMMA  the lemma
    UAS    the HEAD
    LAS    the HEAD and the DEPREL, compared on its universal part (before
           any ':'), as the CoNLL 2018 shared task scorer does

--min NAME=VALUE (repeatable) sets a floor under a metric.  Exit status: 0,
1 when a metric is below its floor, 2 when a file cannot be read, is not
CoNLL-U, or does not hold the sentences and words of the other.  Python 3
standard library only.
"""

import argparse
import sys

METRICS = ("UPOS", "XPOS", "LEMMA", "UAS", "LAS")
ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC = range(10)


class Unscorable(Exception):
    """The files cannot be scored; the message says why."""


class Sentence:
    def __init__(self, line):
        self.line = line  # the 1-based line of the block's first line
        self.sent_id = None  # from "# sent_id = ...", when there is one
        self.words = []  # the ten columns of each integer-ID line

    def name(self, number, what):
        """Names the sentence in a message: its number, id and line."""
        sid = " (sent_id %s)" % self.sent_id if self.sent_id else ""
        return "sentence %d%s, %s line %d" % (number, sid, what, self.line)


def read_conllu(path):
    """The sentences of path, blocks without words left out."""
    sentences = []
    current = None
    try:
        with open(path, encoding="utf-8", newline="") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n").rstrip("\r")
                if not line:
                    if current and current.words:
                        sentences.append(current)
                    current = None
                    continue
                if current is None:
                    current = Sentence(number)
                if line.startswith("#"):
                    key, sep, value = line[1:].partition("=")
                    if sep and key.strip() == "sent_id":
                        current.sent_id = value.strip()
                    continue
                columns = line.split("\t")
                if len(columns) != 10:
                    raise Unscorable("%s:%d: %d tab-separated columns, not 10"
                                   % (path, number, len(columns)))
                if "-" in columns[ID] or "." in columns[ID]:
                    continue  # a multiword token or an empty node
                if not columns[ID].isdigit():
                    raise Unscorable("%s:%d: malformed ID %r"
                                   % (path, number, columns[ID]))
                current.words.append(columns)
    except OSError as e:
        raise Unscorable("%s: %s" % (path, e.strerror or e))
    except UnicodeDecodeError as e:
        raise Unscorable("%s: not UTF-8: %s" % (path, e))
    if current and current.words:
        sentences.append(current)
    return sentences


def align(gold, system):
    """Raises Unscorable naming the first sentence the files disagree on."""
    for number, (g, s) in enumerate(zip(gold, system), 1):
        where = "%s; %s" % (g.name(number, "gold"),
                            "system line %d" % s.line)
        g_forms = [w[FORM] for w in g.words]
        s_forms = [w[FORM] for w in s.words]
        for i, (gf, sf) in enumerate(zip(g_forms, s_forms), 1):
            if gf != sf:
                raise Unscorable("%s: word %d is %r in gold, %r in system"
                               % (where, i, gf, sf))
        if len(g_forms) != len(s_forms):
            raise Unscorable("%s: %d words in gold, %d in system"
                           % (where, len(g_forms), len(s_forms)))
    if len(gold) != len(system):
        longer, what = (gold, "gold") if len(gold) > len(system) else \
            (system, "system")
        number = min(len(gold), len(system)) + 1
        raise Unscorable("%s: only in %s (%d sentences in gold, %d in system)"
                       % (longer[number - 1].name(number, what), what,
                          len(gold), len(system)))


def universal(deprel):
    return deprel.split(":", 1)[0]


def score(gold, system):
    """The accuracy of each metric over every word."""
    right = dict.fromkeys(METRICS, 0)
    total = 0
    for g_sentence, s_sentence in zip(gold, system):
        for g, s in zip(g_sentence.words, s_sentence.words):
            total += 1
            right["UPOS"] += g[UPOS] == s[UPOS]
            right["XPOS"] += g[XPOS] == s[XPOS]
            right["LEMMA"] += g[LEMMA] == s[LEMMA]
            if g[HEAD] == s[HEAD]:
                right["UAS"] += 1
                right["LAS"] += universal(g[DEPREL]) == universal(s[DEPREL])
    if total == 0:
        raise Unscorable("no words to score")
    return {m: right[m] / total for m in METRICS}


def floor(text):
    """A --min argument: (NAME, VALUE)."""
    name, sep, value = text.partition("=")
    name = name.strip().upper()
    if not sep or name not in METRICS:
        raise argparse.ArgumentTypeError(
            "%r is not NAME=VALUE with NAME one of %s"
            % (text, ", ".join(METRICS)))
    try:
        return name, float(value)
    except ValueError:
        raise argparse.ArgumentTypeError("%r: %r is not a number"
                                         % (text, value))


def main():
    parser = argparse.ArgumentParser(
        description="Score a CoNLL-U file against the gold one: UPOS, XPOS, "
        "LEMMA, UAS and LAS accuracy over every word.")
    parser.add_argument("gold", metavar="GOLD.conllu")
    parser.add_argument("system", metavar="SYSTEM.conllu")
    parser.add_argument("--min", metavar="NAME=VALUE", type=floor,
                        action="append", default=[],
                        help="exit 1 when metric NAME is below VALUE "
                        "(repeatable)")
    args = parser.parse_args()
    prog = parser.prog
    try:
        gold = read_conllu(args.gold)
        system = read_conllu(args.system)
        align(gold, system)
        scores = score(gold, system)
    except Unscorable as e:
        print("%s: %s" % (prog, e), file=sys.stderr)
        return 2
    for m in METRICS:
        print("%s %.4f" % (m, scores[m]))
    status = 0
    for name, value in args.min:
        if scores[name] < value:
            print("%s: %s %.4f is below --min %g"
                  % (prog, name, scores[name], value), file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
