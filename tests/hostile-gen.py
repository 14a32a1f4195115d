#!/usr/bin/env python3
"""hostile-gen.py - writes the hostile inputs of issue 0.5 into a directory.

    tests/hostile-gen.py [--full] DIR

Each file is one kind of input a news crawl really delivers (doc/user-guide.md,
"Hostile input"): broken encodings, binary junk, empty files, a huge
article, a huge line, deep nesting, control characters, HTML remnants,
emoji, right-to-left text and a sentence naming tens of thousands of
entities.  The output is deterministic (a fixed seed).  By default the big
ones are sized for `make check`; --full writes the sizes of the issue
(a 100 MB article, a 5 MB line, 100,000 nested quotes and brackets,
50,000 entities in one sentence).  The text they are made of is the
samples' own, so that the extractor has real work on every byte.
"""
import argparse
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "samples")

SIZES = {  # name: (make check, --full)
    "big_article_mb": (8, 100),
    "long_line_mb": (2, 5),
    "nesting": (100000, 100000),
    "entities": (20000, 50000),
}

COUNTRIES = ["Britain", "France", "Germany", "Belarus", "Lithuania", "Canada",
             "Russia", "Ukraine", "Poland", "Latvia", "Estonia", "Mexico"]
PEOPLE = ["Alexander Lukashenko", "Emmanuel Macron", "Svetlana Tikhanovskaya",
          "Angela Merkel", "Vladimir Putin"]
GIVEN = ["John", "Maria", "Ahmed", "Olga", "Pedro", "Yuki", "Fatima", "Igor"]


def sample_text():
    """The five samples' text, as one string of paragraphs."""
    parts = []
    for name in sorted(os.listdir(SAMPLES)):
        if name.endswith(".txt"):
            with open(os.path.join(SAMPLES, name), encoding="utf-8") as f:
                parts.append(f.read().strip())
    return "\n\n".join(parts) + "\n"


def sentences(text):
    """The sample text as single-line sentences (roughly)."""
    return [s.strip() + "." for s in text.replace("\n", " ").split(". ")
            if s.strip()]


def repeated(text, size):
    """text repeated to at least size bytes (whole copies)."""
    data = text.encode()
    return data * (size // len(data) + 1)


def surname(rng):
    """An invented surname no gazetteer knows."""
    return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou")
                   for _ in range(4)).capitalize()


def many_entities(rng, n):
    """One sentence naming n entities: countries, known people, people with
    a title or a known given name, and pronouns between them."""
    names = []
    for i in range(n):
        kind = i % 5
        if kind == 0:
            names.append(COUNTRIES[i // 5 % len(COUNTRIES)])
        elif kind == 1:
            names.append(PEOPLE[i // 5 % len(PEOPLE)])
        elif kind == 2:
            names.append("President " + GIVEN[i % len(GIVEN)] + " " +
                         surname(rng))
        elif kind == 3:
            names.append(GIVEN[i % len(GIVEN)] + " " + surname(rng))
        else:
            names.append("he")
    return ("Lukashenko said that " + ", ".join(names) +
            " and she imposed sanctions on Belarus after he met them.\n"
            "He said they met him in Minsk.\n")


def write_all(out, full):
    rng = random.Random(20261129)
    size = {k: v[1 if full else 0] for k, v in SIZES.items()}
    text = sample_text()
    lead = "Britain imposed sanctions on Belarus. Macron met Merkel in Paris."
    files = {
        "empty.txt": b"",
        "blank.txt": b"\n \n\t\n",
        "invalid-utf8.txt": (
            b"Britain imposed sanctions \xff on Belarus.\n"
            b"Macron met Merkel \xc3\x28 in Paris \xc0\xaf today.\n"
            b"A surrogate \xed\xa0\x80 and a code point above U+10FFFF "
            b"\xf4\x90\x80\x80 here.\n" + text.encode() + b"Truncated \xe2\x82"),
        "latin1.txt": text.replace("’", "'").encode("latin-1", "replace")
        + "Zürich, São Tomé and Malmö.\n".encode("latin-1"),
        "nul.txt": (lead.encode() + b"\x00\x00 Putin\x00 met Lukashenko.\n"
                    + text.encode() + b"\x00"),
        "binary.txt": bytes(rng.getrandbits(8) for _ in range(256 * 1024)),
        "control.txt": (lead + "\x01\x02\x07\x08 Putin \x0b\x0c met "
                        "\x1b[31mLukashenko\x1b[0m\x7f in Minsk.\r\n"
                        "Merkel\u0085visited\u2028France\u2029today.\r"
                        "\x1f\x1e\x1d\n" + text).encode(),
        "html.txt": ("<html><head><title>Belarus</title><script>var x ="
                     " \"<a>\";</script></head><body>\n<p>Britain imposed"
                     " sanctions on <b>Belarus</b>&nbsp;&amp; "
                     "<a href=\"http://x/?a=<>&b={}|\\^`\">Lukashenko</a>."
                     "</p>\n<!-- Macron met Merkel --><p>Putin &lt;met&gt; "
                     "Lukashenko in Minsk.</p><br/>\n" + text).encode(),
        "emoji.txt": ("Britain 🇬🇧 imposed sanctions on Belarus 🇧🇾 😡.\n"
                      "Macron 👨‍👩‍👧‍👦 met Merkel️ in Paris 🗼︎.\n"
                      "Putin\u200d met\u200b Lukashenko\ufeff in Minsk.\n"
                      + "🙂" * 5000 + "\n" + text).encode(),
        "rtl.txt": ("\u202eBritain imposed sanctions on Belarus.\u202c\n"
                    "قال الرئيس Vladimir Putin إنه التقى Alexander "
                    "Lukashenko في مينسك.\n"
                    "\u200fהנשיא Emmanuel Macron נפגש עם Angela Merkel.\u200e"
                    "\n\u2067Putin\u2069 met \u2066Lukashenko\u2069.\n"
                    + text).encode(),
        "big-article.txt": repeated(text, size["big_article_mb"] << 20),
        "long-line.txt": repeated(" ".join(sentences(text)) + " ",
                                  size["long_line_mb"] << 20).rstrip()
        + b"\n",
        "nested-quotes.txt": ("\u201c\"'" * size["nesting"] + lead +
                              "'\"\u201d" * size["nesting"] + "\n").encode(),
        "nested-brackets.txt": ("([{" * size["nesting"] + lead +
                                "}])" * size["nesting"] + "\n").encode(),
        "unbalanced.txt": (("(\"" + lead + " ") * (size["nesting"] // 10) + "\n")
        .encode(),
        "many-entities.txt": many_entities(rng, size["entities"]).encode(),
        "many-pronouns.txt": (lead + " " + " ".join(
            ["Putin said he", "Merkel said she", "they said it"]
            [i % 3] for i in range(size["entities"])) + ".\n").encode(),
        "many-sentences.txt": ("".join(
            "%s met %s. He said she agreed.\n"
            % (PEOPLE[i % 5], PEOPLE[(i + 2) % 5])
            for i in range(size["entities"]))).encode(),
    }
    os.makedirs(out, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    print(out, len(files), "files")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--full", action="store_true",
                    help="the sizes of the issue (100 MB article...)")
    ap.add_argument("dir")
    args = ap.parse_args()
    write_all(args.dir, args.full)


if __name__ == "__main__":
    main()
