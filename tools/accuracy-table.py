#!/usr/bin/env python3
"""Print the Accuracy table of doc/performance.md: every samples article scored.

    tools/accuracy-table.py [--newskg src/newskg] [--score ../shared/eval/score.py]

Runs `newskg -q -o ntriples` on each samples/NAME.txt and samples/extra/NAME.txt
that has a NAME.gold.tsv beside it, scores the output with the project's scorer
(eval/score.py --json), and prints a Markdown table (one row per article) and
the micro-averaged scores of each set: the shared development articles
(samples/), and the articles written blind (samples/extra/), as a whole and by
the batch listed in samples/README.md.  Python 3 standard library only.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)


def score(newskg, scorer, text, gold):
    with tempfile.NamedTemporaryFile(suffix=".nt") as out:
        subprocess.run([newskg, "-q", "-o", "ntriples", text], stdout=out,
                       check=True)
        out.flush()
        result = subprocess.run([sys.executable, scorer, gold, out.name,
                                 "--json"], capture_output=True, check=True,
                                text=True)
    return json.loads(result.stdout)


def micro(rows, key):
    tp = sum(r[key]["tp"] for r in rows)
    fp = sum(r[key]["fp"] for r in rows)
    fn = sum(r[key]["fn"] for r in rows)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def batches():
    """Article name -> batch label, from the lists in samples/README.md."""
    labels, label = {}, None
    with open(os.path.join(TOP, "samples", "README.md"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("### "):
                label = line[4:].strip()
            elif label and line.startswith("- `") and "`" in line[3:]:
                labels[line[3:line.index("`", 3)]] = label
    return labels


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--newskg", default=os.path.join(TOP, "src", "newskg"))
    ap.add_argument("--score", default=os.path.join(TOP, "..", "shared", "eval",
                                                    "score.py"))
    args = ap.parse_args()
    sets = []
    for folder, prefix in (("samples", ""), ("samples/extra", "extra/")):
        rows = []
        for gold in sorted(glob.glob(os.path.join(TOP, folder, "*.gold.tsv"))):
            name = os.path.basename(gold)[:-len(".gold.tsv")]
            d = score(args.newskg, args.score,
                      os.path.join(TOP, folder, name + ".txt"), gold)
            d["name"], d["label"] = name, prefix + name
            rows.append(d)
        sets.append(rows)
    print("| article | entity F1 | relation P | relation R | relation F1 "
          "| forbidden |")
    print("|---|---|---|---|---|---|")
    for rows in sets:
        for d in rows:
            r = d["relations"]
            print("| %s | %.3f | %.3f | %.3f | %.3f | %d |" % (
                d["label"], d["entities"]["f1"], r["precision"], r["recall"],
                r["f1"], len(d["forbidden_asserted"])))
    print()
    groups = [("the shared development articles", sets[0]),
              ("all articles written blind", sets[1])]
    labels = batches()
    for label in dict.fromkeys(labels.values()):
        groups.append((label, [d for d in sets[1]
                               if labels.get(d["name"]) == label]))
    for label, rows in groups:
        if not rows:
            continue
        p, r, f = micro(rows, "relations")
        ef = micro(rows, "entities")[2]
        print("- %s (%d): relation P %.3f, R %.3f, F1 %.3f; entity F1 %.3f"
              % (label, len(rows), p, r, f, ef))


if __name__ == "__main__":
    main()
