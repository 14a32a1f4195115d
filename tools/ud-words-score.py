#!/usr/bin/env python3
"""ud-words-score.py - how often newskg cuts words as a UD treebank does.

Gives the "# text = " line of each sentence of a CoNLL-U treebank (UD
English EWT's dev file) to newskg as a text of one paragraph, cuts it with
kg_text_split and kg_ud_sentence (src/udwords.c) through the shared
library, and compares the words and tokens it gets with the treebank's:

  sentences  treebank sentences whose words all come out the same (the
             same character spans), and whose tokens too (the same
             multiword tokens)
  words      precision, recall and F1 of words as character spans
  tokens     the same for tokens (a multiword token counts once)
  cut        treebank sentences newskg's splitter cuts in two or more

A word's span counts the characters of the sentence other than white
space, as the CoNLL 2018 shared task's scorer does, so that spacing plays
no part.  A multiword token's words are spans of its form when their forms
spell it ("don't": "do" + "n't"), as all of EWT's do; words that do not
would be matched by their place in the token and their form.

Usage:
  tools/ud-words-score.py [--lib src/.libs/libnewskg.so] [--data data]
                          [--show N] [--top N] TREEBANK.conllu

--show prints the first N sentences that differ, --top the N words most
often missed and added.  Python 3 and its standard library only; the
library must be built shared (the default).
"""
import argparse
import collections
import ctypes
import sys


class Word(ctypes.Structure):
    _fields_ = [(name, ctypes.c_char_p)
                for name in ("form", "lemma", "upos", "xpos", "feats",
                             "deprel", "deps", "misc")]
    _fields_.append(("head", ctypes.c_int))


class Line(ctypes.Structure):
    _fields_ = [("text", ctypes.c_char_p), ("before", ctypes.c_size_t)]


class Sentence(ctypes.Structure):
    _fields_ = [("words", ctypes.POINTER(Word)), ("n_words", ctypes.c_size_t),
                ("lines", ctypes.POINTER(Line)), ("n_lines", ctypes.c_size_t),
                ("first_line", ctypes.c_long)]


KG_OK, KG_ERR_INPUT = 0, 4


def spans(tokens):
    """Words and tokens as spans of the characters other than white space.

    tokens: [(form, [word forms])], a token alone having [form].  Returns
    (words, toks): lists of keys, a word's key (start, end) or, in a token
    its words do not spell, (start, end, place, form)."""
    words, toks, at = [], [], 0
    for form, parts in tokens:
        end = at + len(form)
        toks.append((at, end))
        if "".join(parts) == form:
            for p in parts:
                words.append((at, at + len(p)))
                at += len(p)
        else:
            for k, p in enumerate(parts):
                words.append((at, end, k, p))
        at = end
    return words, toks


def read_treebank(path):
    """[(sent_id, text, tokens)] of a CoNLL-U file, tokens as spans() takes
    them."""
    out, text, sid, tokens, mwt = [], None, None, [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if tokens:
                    out.append((sid, text, tokens))
                text, sid, tokens, mwt = None, None, [], None
            elif line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line.startswith("# sent_id = "):
                sid = line[len("# sent_id = "):]
            elif line.startswith("#"):
                continue
            else:
                col = line.split("\t")
                if "." in col[0]:
                    continue
                if "-" in col[0]:
                    mwt = (int(col[0].split("-")[1]), [])
                    tokens.append((col[1], mwt[1]))
                elif mwt and int(col[0]) <= mwt[0]:
                    mwt[1].append(col[1])
                else:
                    tokens.append((col[1], [col[1]]))
    if tokens:
        out.append((sid, text, tokens))
    return out


class Newskg:
    """kg_text_split and kg_ud_sentence of the shared library."""

    def __init__(self, lib, data):
        try:
            self.lib = ctypes.CDLL(lib)
        except OSError as e:
            sys.exit("ud-words-score: %s (build the shared library with "
                     "make, or name it with --lib)" % e)
        L = self.lib
        L.kg_lexicon_new.restype = ctypes.c_void_p
        L.kg_lexicon_load.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                      ctypes.c_void_p]
        L.kg_text_split.argtypes = [ctypes.c_char_p, ctypes.c_size_t,
                                    ctypes.c_void_p, ctypes.c_void_p]
        L.kg_text_release.argtypes = [ctypes.c_void_p]
        L.kg_ud_sentence.argtypes = [ctypes.c_void_p, ctypes.c_size_t,
                                     ctypes.c_char_p, ctypes.POINTER(Sentence),
                                     ctypes.c_void_p]
        L.kg_conllu_sentence_release.argtypes = [ctypes.POINTER(Sentence)]
        self.err = ctypes.create_string_buffer(2048)  # a KgError
        self.lex = L.kg_lexicon_new()
        if not self.lex or L.kg_lexicon_load(
                self.lex, (data + "/lexicon.tsv").encode(), self.err) != KG_OK:
            sys.exit("ud-words-score: cannot load %s/lexicon.tsv" % data)
        self.text = ctypes.create_string_buffer(1024)  # a KgText, opaque
        self.sent = Sentence()

    def cut(self, text):
        """The tokens newskg makes of text, as read_treebank gives them,
        and how many sentences it cut text into."""
        raw = text.encode("utf-8")
        buf = ctypes.create_string_buffer(raw, len(raw))
        L = self.lib
        if L.kg_text_split(buf, len(raw), self.lex, self.text) != KG_OK:
            sys.exit("ud-words-score: kg_text_split failed")
        tokens, i = [], 0
        while True:
            st = L.kg_ud_sentence(self.text, i, None, ctypes.byref(self.sent),
                                  self.err)
            if st == KG_ERR_INPUT:
                break
            if st != KG_OK:
                sys.exit("ud-words-score: kg_ud_sentence failed")
            s = self.sent
            ranges = {}
            for k in range(s.n_lines):
                line = s.lines[k].text.decode("utf-8")
                if not line.startswith("#"):
                    col = line.split("\t")
                    a, b = col[0].split("-")
                    ranges[int(a)] = (int(b), col[1])
            w = 0
            while w < s.n_words:
                if w + 1 in ranges:
                    b, form = ranges[w + 1]
                    tokens.append((form, [s.words[k].form.decode("utf-8")
                                          for k in range(w, b)]))
                    w = b
                else:
                    form = s.words[w].form.decode("utf-8")
                    tokens.append((form, [form]))
                    w += 1
            i += 1
        L.kg_conllu_sentence_release(ctypes.byref(self.sent))
        L.kg_text_release(self.text)
        return tokens, i


def prf(right, system, gold):
    p = right / system if system else 0.0
    r = right / gold if gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("treebank")
    ap.add_argument("--lib", default="src/.libs/libnewskg.so")
    ap.add_argument("--data", default="data")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--top", type=int, default=0)
    a = ap.parse_args()
    nk = Newskg(a.lib, a.data)
    gold_sents = read_treebank(a.treebank)
    n = len(gold_sents)
    words_exact = both_exact = cut = 0
    wr = ws = wg = tr = ts = tg = 0
    missed, added = collections.Counter(), collections.Counter()
    shown = 0
    for sid, text, gold in gold_sents:
        if text is None:
            sys.exit("ud-words-score: sentence %s has no # text" % sid)
        ours, sentences = nk.cut(text)
        cut += sentences > 1
        gw, gt = spans(gold)
        sw, st = spans(ours)
        right_w = collections.Counter(gw) & collections.Counter(sw)
        right_t = collections.Counter(gt) & collections.Counter(st)
        wr += sum(right_w.values())
        ws += len(sw)
        wg += len(gw)
        tr += sum(right_t.values())
        ts += len(st)
        tg += len(gt)
        same_words = gw == sw
        words_exact += same_words
        both_exact += same_words and gt == st
        if not (same_words and gt == st):
            g_forms = {k: f for k, f in zip(gw, (p for _, ps in gold
                                                 for p in ps))}
            s_forms = {k: f for k, f in zip(sw, (p for _, ps in ours
                                                 for p in ps))}
            for k in collections.Counter(gw) - collections.Counter(sw):
                missed[g_forms[k]] += 1
            for k in collections.Counter(sw) - collections.Counter(gw):
                added[s_forms[k]] += 1
            if shown < a.show:
                shown += 1
                show = lambda toks: " ".join(
                    f if len(ps) == 1 else "%s=%s" % (f, "+".join(ps))
                    for f, ps in toks)
                print("%s\n  gold:   %s\n  newskg: %s" % (sid, show(gold),
                                                         show(ours)))
    wp = prf(wr, ws, wg)
    tp = prf(tr, ts, tg)
    print("sentences  %d: words all right %d (%.2f%%), words and tokens %d "
          "(%.2f%%); cut in two or more by newskg %d"
          % (n, words_exact, 100.0 * words_exact / n, both_exact,
             100.0 * both_exact / n, cut))
    print("words      gold %d newskg %d right %d: P %.2f%% R %.2f%% F1 %.2f%%"
          % (wg, ws, wr, 100 * wp[0], 100 * wp[1], 100 * wp[2]))
    print("tokens     gold %d newskg %d right %d: P %.2f%% R %.2f%% F1 %.2f%%"
          % (tg, ts, tr, 100 * tp[0], 100 * tp[1], 100 * tp[2]))
    if a.top:
        print("missed: " + ", ".join("%s %d" % kv
                                     for kv in missed.most_common(a.top)))
        print("added:  " + ", ".join("%s %d" % kv
                                     for kv in added.most_common(a.top)))


if __name__ == "__main__":
    main()
